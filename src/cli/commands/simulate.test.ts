import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractProblems } from '../../engine/programs/testing/contract.js';
import { ev, writeProgramFixture } from '../../engine/programs/testing/program-fixture.js';
import { defaultPrograms } from '../../programs/default-programs.js';

/** Runs the real CLI in its own process, as a user or an integration would. */
function retain(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const data = writeProgramFixture([{ id: 'c1' }, { id: 'c2' }], [
  ev.visit('c1', '2024-03-05T10:00:00+08:00'),
  ev.visit('c2', '2024-04-08T10:00:00+08:00'),
  ev.call('c1', '2024-05-10T15:00:00+08:00', 'sa-li', 'booked'),
]);

describe('retain simulate', () => {
  it('prints { from, to, actions } with the fixed kinds and fields, in time order', () => {
    // A copy of the presets with the yellow automated care switched off, read from a file.
    const programs = structuredClone(defaultPrograms());
    programs.version = 'test-no-yellow';
    programs.programs.find((p) => p.id === 'early_warning_yellow')!.enabled = false;
    const file = join(mkdtempSync(join(tmpdir(), 'retain-programs-')), 'programs.json');
    writeFileSync(file, JSON.stringify(programs));

    const { code, stdout, stderr } = retain(['simulate', '--data', data, '--from', '2024-05-10T09:00:00+08:00', '--to', '2024-05-11', '--programs', file, '--format', 'json']);
    expect(stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['from', 'to', 'actions']);
    expect(doc.from).toBe('2024-05-10T09:00:00+08:00');
    expect(doc.to).toBe('2024-05-12T00:00:00+08:00');
    expect(doc.actions.flatMap(contractProblems)).toEqual([]);
    expect(doc.actions.map((a: { kind: string; customerId: string }) => `${a.kind} ${a.customerId}`)).toEqual([
      'warning_opened c1', 'warning_opened c2', 'task_created c1', 'task_closed c1',
    ]);
    expect(doc.actions[2]).toEqual({
      at: '2024-05-10T09:00:00+08:00', kind: 'task_created', customerId: 'c1', taskId: 't1', type: 'call', role: 'advisor',
      assigneeId: 'sa-li', due: '2024-05-13T09:00:00+08:00', program: 'early_warning_orange', step: 'orange_call',
    });
    expect(doc.actions[3]).toEqual({ at: '2024-05-10T15:00:00+08:00', kind: 'task_closed', customerId: 'c1', taskId: 't1', outcome: 'booked' });
  });

  it('refuses a window that ends before it starts, and an invalid program document, naming the problem', () => {
    const backwards = retain(['simulate', '--data', data, '--from', '2024-05-10', '--to', '2024-05-01T00:00:00+08:00']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--to .* is not after --from/);
    const file = join(mkdtempSync(join(tmpdir(), 'retain-programs-')), 'programs.json');
    writeFileSync(file, JSON.stringify({ version: 'x', workingHours: { start: '09:00', end: '18:00', days: [1] }, programs: [{ id: 'p' }] }));
    const bad = retain(['simulate', '--data', data, '--from', '2024-05-10', '--to', '2024-05-11', '--programs', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/programs are not valid[\s\S]*programs\.0\./);
  });
});

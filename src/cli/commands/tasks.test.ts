import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase, type TestDatabase } from '../../../test/databases.js';
import { seedTask } from '../../api/testing/seed-task.js';
import { loadStaffFixture } from '../../auth/testing/staff-fixture.js';
import { defaultPrograms } from '../../programs/default-programs.js';
import { defaultLibraryDocument } from '../../scripts/default-library.js';
import type { Db } from '../../store/db.js';
import { openDb } from '../../store/open-db.js';

/** Runs the real CLI in its own process, as an operator would. */
function retain(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// The CLI reads the real clock: deadlines are set around it.
const h = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const dir = () => mkdtempSync(join(tmpdir(), 'retain-cli-tasks-'));

async function seed(db: Db): Promise<Record<string, string>> {
  await loadStaffFixture(db, new Date());
  return {
    late: await seedTask(db, { customerId: 'c-li-1', due: h(-3), createdAt: h(-10) }),
    soon: await seedTask(db, { customerId: 'c-li-2', due: h(4), createdAt: h(-1) }),
    zhao: await seedTask(db, { customerId: 'c-zhao-1', due: h(1), createdAt: h(-1) }),
  };
}

/** A seeded database the CLI can open: a PGlite folder (closed again: one process at a time) or a schema on the server. */
async function prepare(t: TestDatabase): Promise<{ db: string[]; ids: Record<string, string> }> {
  if (t.kind === 'postgres') {
    const ids = await seed(await t.open());
    const o = t.openOptions();
    return { db: ['--database-url', o.databaseUrl!, '--db-schema', o.schema], ids };
  }
  const dataDir = join(dir(), 'db');
  const db = await openDb({ dataDir });
  try {
    return { db: ['--data-dir', dataDir], ids: await seed(db) };
  } finally {
    await db.close();
  }
}

it('refuses bad input before touching the database, naming the field, with exit code 2', () => {
  const programs = join(dir(), 'programs.json');
  const doc = structuredClone(defaultPrograms()) as unknown as { programs: { steps: { role: string }[] }[] };
  doc.programs[1]!.steps[0]!.role = 'intern';
  writeFileSync(programs, JSON.stringify(doc));
  const bad = retain(['programs', 'check', programs]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/programs\.1\.steps\.0\.role/);
  writeFileSync(programs, JSON.stringify(defaultPrograms()));
  expect(retain(['programs', 'check', programs])).toMatchObject({ code: 0, stdout: expect.stringMatching(/valid \(version .*, \d+ programs\)/) });

  const scripts = join(dir(), 'scripts.json');
  const lib = defaultLibraryDocument() as { scripts: { text: Record<string, string> }[] };
  lib.scripts[0]!.text.en = 'Hello {{nmae}}';
  writeFileSync(scripts, JSON.stringify(lib));
  const badLib = retain(['scripts', 'check', scripts]);
  expect(badLib.code).toBe(2);
  expect(badLib.stderr).toMatch(/scripts\.0\.text\.en: .*nmae/);

  const noReason = retain(['tasks', 'outcome', 't1', '--result', 'refused', '--staff', 'sa-li']);
  expect(noReason.code).toBe(2);
  expect(noReason.stderr).toMatch(/--reason: a refusal needs its reason/);
  const badResult = retain(['tasks', 'outcome', 't1', '--result', 'maybe', '--churn-reason', 'weather', '--staff', 'sa-li']);
  expect(badResult.code).toBe(2);
  expect(badResult.stderr).toMatch(/--result: .*; --churn-reason: /);
  const badFormat = retain(['tasks', '--format', 'xml']);
  expect(badFormat.code).toBe(2);
  expect(badFormat.stderr).toMatch(/--format/);
}, 120_000);

describeEachDatabase('retain tasks, programs and scripts on the database', (t) => {
  // One process per command is slow (seconds each): one scenario per database.
  it('lists tasks overdue first, records an outcome once, reassigns, activates programs and scripts', async () => {
    const { db, ids } = await prepare(t);
    const table = retain([...db, 'tasks']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/3 task\(s\)/);
    const order = [ids.late, ids.zhao, ids.soon].map((id) => table.stdout.indexOf(`│ ${id} `));
    expect(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!).toBe(true);
    expect(table.stdout.split('\n').find((l) => l.includes(`│ ${ids.late} `))).toMatch(/│ yes +│/);

    const ok = retain([...db, 'tasks', 'outcome', ids.late!, '--result', 'refused', '--reason', '价格太高', '--churn-reason', 'price', '--staff', 'sa-li']);
    expect(ok).toMatchObject({ code: 0, stdout: `${ids.late}: closed as refused\n` });
    const again = retain([...db, 'tasks', 'outcome', ids.late!, '--result', 'booked', '--staff', 'sa-li']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no longer open/);
    const nobody = retain([...db, 'tasks', 'reassign', ids.soon!, '--to', 'nobody']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/--to: no staff member "nobody"/);
    expect(retain([...db, 'tasks', 'reassign', ids.soon!, '--to', 'sa-zhao'])).toMatchObject({ code: 0, stdout: `${ids.soon}: now assigned to sa-zhao\n` });
    const all = JSON.parse(retain([...db, 'tasks', '--status', 'all', '--format', 'json']).stdout) as { items: { id: string; assigneeId: string; status: string; outcome: string | null; phone?: string }[] };
    expect(all.items.map((i) => [i.id, i.assigneeId, i.status, i.outcome])).toEqual([
      [ids.late, 'sa-li', 'closed', 'refused'], [ids.zhao, 'sa-zhao', 'open', null], [ids.soon, 'sa-zhao', 'open', null],
    ]);
    expect(all.items[0]!.phone).toBeUndefined();

    const programs = join(dir(), 'programs.json');
    writeFileSync(programs, JSON.stringify({ ...defaultPrograms(), version: 'cli-programs-2' }));
    expect(retain([...db, 'programs', 'activate', programs])).toMatchObject({ code: 0, stdout: 'programs cli-programs-2 are now in force\n' });
    const scripts = join(dir(), 'scripts.yaml');
    writeFileSync(scripts, JSON.stringify({ ...defaultLibraryDocument(), version: 'cli-scripts-2' }));
    expect(retain([...db, 'scripts', 'activate', scripts])).toMatchObject({ code: 0, stdout: 'script library cli-scripts-2 is now in force\n' });
    expect(JSON.parse(retain([...db, 'scripts', 'show']).stdout).version).toBe('cli-scripts-2');
  }, 300_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBacktestStore } from '../../../test/fixtures.js';

function retain(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// c2 and c3 are red on 2024-06-30; c2 and c4 never come back (as in engine/backtest-policy.test.ts).
const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-backtest-')), 'db');
beforeAll(() => {
  const data = writeBacktestStore();
  expect(retain(['--data-dir', dataDir, 'import', data, '--no-evaluate']).code).toBe(0);
});

describe('retain backtest and retain fit on the database', () => {
  it('prints the back-test of a past date as JSON and as a table', () => {
    const json = retain(['--data-dir', dataDir, 'backtest', '--as-of', '2024-06-30', '--format', 'json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r).toMatchObject({ asOf: '2024-06-30', customers: 4, lost: 2, churnModel: null, storeId: null });
    expect(r.rules.red).toEqual({ flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5 });

    const table = retain(['--data-dir', dataDir, 'backtest', '--as-of', '2024-06-30']);
    expect(table.stdout).toMatch(/4 customers, 2 lost within 180 days \(50\.0 %\)/);
    expect(table.stdout).toMatch(/│ red\s*│ 2\s*│ 1\s*│ 50\.0 %/);
    expect(table.stdout).toMatch(/not enough history/);

    const late = retain(['--data-dir', dataDir, 'backtest', '--as-of', '2024-12-01']);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/on or before 2024-07-01/);
  });

  it('refits on the database and says which models the data could not support', () => {
    const { code, stdout } = retain(['--data-dir', dataDir, 'fit', 'all', '--as-of', '2024-12-31', '--format', 'json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.asOf).toBe('2024-12-31');
    // Four customers are below the policy's minimum: the store fits nothing, and neither can the network (the same four).
    const kinds = ['bgnbd', 'gammagamma', 'churn', 'paretonbd'];
    expect(out.models.map((m: { storeId: string; kind: string }) => `${m.storeId}:${m.kind}`)).toEqual([...kinds.map((k) => `sh-01:${k}`), ...kinds.map((k) => `*:${k}`)]);
    for (const m of out.models.slice(0, 4)) {
      expect(m).toMatchObject({ id: null, active: false, reason: "4 customers, fewer than the 200 a fit needs: the network's model is used" });
    }
    for (const m of out.models.slice(4)) expect(m).toMatchObject({ id: null, reason: '4 customers, fewer than the 200 a fit needs' });
  });
});

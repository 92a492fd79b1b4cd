import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../prediction/testing/shared-data.js';

/** Runs the real CLI in its own process, as a user would. */
function retain(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const cdnow = (file: string) => sharedDataPath('cdnow', file);
const within = (got: number, want: number, rel = 0.005) => Math.abs(got - want) / Math.abs(want) < rel;

describe('retain fit on files', () => {
  it('fits BG/NBD on the CDNOW summary and prints the published parameters and log-likelihood', () => {
    const { code, stdout } = retain(['fit', 'bgnbd', '--summary', cdnow('cdnow_customers_summary.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['params', 'logLik']);
    expect(Object.keys(out.params)).toEqual(['r', 'alpha', 'a', 'b']);
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [k, v] of Object.entries(published)) expect(within(out.params[k], v), k).toBe(true);
    expect(within(out.logLik, -9582.4)).toBe(true);
  });

  it('fits Pareto/NBD on the other summary layout (ID,x,t_x,T,zbar)', () => {
    const pareto = retain(['fit', 'paretonbd', '--summary', cdnow('cdnow_customers_summary_with_transactions.csv'), '--format', 'json']);
    expect(pareto.code).toBe(0);
    const p = JSON.parse(pareto.stdout);
    expect(Object.keys(p.params)).toEqual(['r', 'alpha', 's', 'beta']);
    for (const [k, v] of Object.entries({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 })) expect(within(p.params[k], v), k).toBe(true);
    expect(within(p.logLik, -9595.0)).toBe(true);
  });

  it('fits Gamma-Gamma on the mean repeat spend (zbar) of that layout', () => {
    const gg = retain(['fit', 'gammagamma', '--summary', cdnow('cdnow_customers_summary_with_transactions.csv'), '--format', 'json']);
    expect(gg.code).toBe(0);
    const g = JSON.parse(gg.stdout);
    expect(Object.keys(g.params)).toEqual(['p', 'q', 'v']);
    for (const [k, v] of Object.entries({ p: 6.25, q: 3.74, v: 15.44 })) expect(within(g.params[k], v), k).toBe(true);
  });

  it('fits on the raw transaction log the same model as on its summary (CLVTools: LL −9582.429)', () => {
    const { code, stdout } = retain(['fit', 'bgnbd', '--transactions', cdnow('CDNOW_sample.txt'), '--end', '1997-09-30', '--unit', 'weeks']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.logLik).toBeCloseTo(-9582.429, 2);
    expect(within(out.params.b, 2.426)).toBe(true);
  });

  it('reads a customer,date,amount log and refuses a bad line or model, naming why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retain-fit-'));
    const log = join(dir, 'log.csv');
    writeFileSync(log, 'customer,date,amount\nc1,2024-01-01,10\nc1,2024-02-30,12\n');
    const bad = retain(['fit', 'bgnbd', '--transactions', log]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 3: "2024-02-30" is not a date/);
    expect(retain(['fit', 'nbd', '--summary', log]).code).toBe(2);
  });

  it('refuses a spend fit without spend and a churn fit on a file', () => {
    const noSpend = retain(['fit', 'gammagamma', '--summary', cdnow('cdnow_customers_summary.csv')]);
    expect(noSpend.code).toBe(2);
    expect(noSpend.stderr).toMatch(/zbar/);

    expect(retain(['fit', 'churn', '--summary', cdnow('cdnow_customers_summary.csv')]).stderr).toMatch(/store's own history/);
  });
});

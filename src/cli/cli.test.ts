import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nps, visit, writeStoreFiles } from '../../test/fixtures.js';

/** Runs the real CLI in its own process, as a user or an integration would. */
function retain(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('retain evaluate', () => {
  const data = writeStoreFiles([{ id: 'c1' }, { id: 'c2' }], [
    visit('c1', '2024-03-17T10:00:00+08:00', 2000),
    nps('c1', '2024-03-18T10:00:00+08:00', 6),
    visit('c2', '2024-06-20T10:00:00+08:00'),
  ]);

  it('prints the §12 record with its exact field names', () => {
    const { code, stdout } = retain(['evaluate', '--data', data, '--as-of', '2024-06-30', '--format', 'json']);
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(Object.keys(record)).toEqual(['asOf', 'policyVersion', 'customers']);
    expect(record.asOf).toBe('2024-06-30');
    const c1 = record.customers[0];
    expect(Object.keys(c1)).toEqual([
      'customerId', 'features', 'signals', 'risk', 'rBand', 'responseLevel', 'rules', 'silent', 'health',
      'valueTier', 'lifecycle', 'recall', 'frequencyAnomaly', 'monetaryAnomaly', 'level', 'reasons', 'prediction', 'care',
    ]);
    // No model is fitted for files evaluated directly.
    expect(c1.prediction).toEqual({ pAlive: null, expectedVisits90: null, churnProbability: null, clv: null, topValue: false, models: null });
    // The spec's worked example: R = 105, no signal, last NPS 6 → 48.0, orange by score; red overall (rule 5).
    expect(c1.features.R).toBe(105);
    expect(c1.risk).toEqual({ score: 48, tier: 'orange', components: { r: 20, signals: 100, nps: 40 } });
    expect(c1.rBand).toBe('red');
    expect(c1.level).toBe('red');
    expect(c1.rules.map((r: { id: string }) => r.id)).toContain('5');
  });

  it('prints a table and reasons in English on request', () => {
    const { code, stdout } = retain(['evaluate', '--data', data, '--as-of', '2024-06-30', '--format', 'table', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/c1.*red/);
    expect(stdout).not.toMatch(/[\u4e00-\u9fff]{2,}.*规则/);
  });

  it('refuses a bad date and an invalid policy, naming the problem', () => {
    const badDate = retain(['evaluate', '--data', data, '--as-of', '2024-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/2024-02-30.*not a calendar date/);

    const policyFile = join(mkdtempSync(join(tmpdir(), 'retain-policy-')), 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ version: 'broken' }));
    const badPolicy = retain(['evaluate', '--data', data, '--as-of', '2024-06-30', '--policy', policyFile]);
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toMatch(/policy is not valid/);
    expect(badPolicy.stderr).toMatch(/risk/);
  });

  it('reports a bad record with file, line and field, and still evaluates the rest', () => {
    const dir = writeStoreFiles([{ id: 'c1' }], [visit('c1', '2024-06-01T10:00:00+08:00'), { id: 'bad', customerId: 'c1', type: 'nps', at: '2024-06-02', score: 12 }]);
    const { code, stdout, stderr } = retain(['evaluate', '--data', dir, '--as-of', '2024-06-30']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/events\.jsonl:2 score: /);
    expect(JSON.parse(stdout).customers).toHaveLength(1);
  });
});

describe('retain import', () => {
  it('imports into the embedded database, reports the summary and is idempotent', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-db-')), 'db');
    const data = writeStoreFiles([{ id: 'c1' }], [visit('c1', '2024-06-01T10:00:00+08:00')]);
    const first = retain(['--data-dir', dataDir, 'import', data, '--no-evaluate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/│ total\s*│ 6\s*│ 6\s*│ 0\s*│ 0\s*│ 0\s*│/);
    const second = retain(['--data-dir', dataDir, 'import', data, '--no-evaluate']);
    expect(second.stdout).toMatch(/│ total\s*│ 6\s*│ 0\s*│ 0\s*│ 6\s*│ 0\s*│/);
  });

  it("rebuilds every customer's state from the event log", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-db-')), 'db');
    const data = writeStoreFiles([{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }], [visit('c1', '2024-06-01T10:00:00+08:00'), nps('c2', '2024-06-02T10:00:00+08:00', 9)]);
    expect(retain(['--data-dir', dataDir, 'import', data, '--no-evaluate']).code).toBe(0);
    const { code, stdout } = retain(['--data-dir', dataDir, 'rebuild-state']);
    expect(code).toBe(0);
    // c3 has no events, so no state.
    expect(stdout).toMatch(/^rebuilt the state of 2 customers from the event log in \d+\.\d s\n$/);
  });

  it('re-evaluates the customers it touched, opening their warnings at once', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-db-')), 'db');
    // A single visit in 2024: by today the customer is long gone, so a red warning opens.
    const data = writeStoreFiles([{ id: 'c1' }], [visit('c1', '2024-06-01T10:00:00+08:00')]);
    const { code, stdout } = retain(['--data-dir', dataDir, 'import', data]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/re-evaluated 1 customers/);
    expect(stdout).toMatch(/│ red\s*│ 1\s*│/);
    expect(stdout).toMatch(/warnings: 1 opened/);
  });

  it('exits 1 and names the place of a rejected record, keeping the good ones', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-db-')), 'db');
    const data = writeStoreFiles([{ id: 'c1' }], [visit('c1', '2024-06-01T10:00:00+08:00'), { ...visit('c9', '2024-06-02T10:00:00+08:00') }]);
    const { code, stdout } = retain(['--data-dir', dataDir, 'import', data, '--no-evaluate']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/events\.jsonl:2 customerId: unknown customer "c9"/);
    expect(stdout).toMatch(/│ events\.jsonl\s*│ 2\s*│ 1\s*│ 0\s*│ 0\s*│ 1\s*│/);
  });

  it('says when it read a file as GB18030, refuses events dated in the future, and exits 2 on a missing path', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-db-')), 'db');
    const data = writeStoreFiles([{ id: 'c1' }], [visit('c1', '2024-06-01T10:00:00+08:00'), { ...visit('c1', '2199-01-01T10:00:00+08:00'), id: 'late' }]);
    // 张 in GBK, as Excel on a Chinese Windows saves a CSV.
    writeFileSync(join(data, 'customers_zh.csv'), Buffer.concat([Buffer.from('id,storeId,name,since\nc2,sh-01,'), Buffer.from([0xd5, 0xc5]), Buffer.from(',2022-06-10\n')]));
    const { code, stdout } = retain(['--data-dir', dataDir, 'import', data, '--no-evaluate']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/customers_zh\.csv: not UTF-8, read as GB18030/);
    expect(stdout).toMatch(/events\.jsonl:2 at: is in the future/);
    const missing = retain(['--data-dir', dataDir, 'import', join(data, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope: no such file or folder/);
  });
});

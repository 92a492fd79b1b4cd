import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeDemoFiles } from '../src/demo/write-demo-files.js';
import { parseDay } from '../src/domain/dates.js';
import { evaluateCustomers } from '../src/domain/evaluate-customer.js';
import type { CustomerEvaluation } from '../src/domain/evaluation.js';
import { defaultPolicy } from '../src/domain/policy/default-policy.js';
import { scoreCustomers } from '../src/engine/score-customers.js';
import { importPath } from '../src/ingest/import-path.js';
import { readFactsFromFiles } from '../src/ingest/read-facts-from-files.js';
import { describeEachDatabase } from './databases.js';

// The same service center exported by a DMS without check-ins: no checkin events, visits
// without visitId. Scoring must not tell the two apart.
const asOf = '2026-06-30';
let withIds: CustomerEvaluation[];
let dmsDir: string;

async function evaluateFiles(dir: string): Promise<CustomerEvaluation[]> {
  const { facts, errors } = await readFactsFromFiles(dir);
  expect(errors).toEqual([]);
  return evaluateCustomers(facts, defaultPolicy(), parseDay(asOf)).customers;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'retain-visit-ids-'));
  await writeDemoFiles(dir, { customers: 150, seed: 5, asOf });
  withIds = await evaluateFiles(dir);
  dmsDir = mkdtempSync(join(tmpdir(), 'retain-dms-'));
  cpSync(dir, dmsDir, { recursive: true });
  const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
  const dms = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.type !== 'checkin').map((e) => {
    if (e.type !== 'visit') return e;
    const { visitId: _, checkinAt: __, ...rest } = e;
    return rest;
  });
  // The demo must have had visit ids to take away for the comparison to mean something.
  expect(lines.filter((l) => l.includes('"visitId"')).length).toBeGreaterThan(150);
  expect(dms.some((e) => 'visitId' in e)).toBe(false);
  writeFileSync(join(dmsDir, 'events.jsonl'), dms.map((e) => JSON.stringify(e)).join('\n') + '\n');
});

it('evaluating files: a customer whose visits have no visitId gets the same evaluation', async () => {
  expect(new Set(withIds.map((c) => c.level)).size).toBeGreaterThanOrEqual(3);
  expect(await evaluateFiles(dmsDir)).toEqual(withIds);
});

describeEachDatabase('visits without visitId, imported and scored', (t) => {
  it('give the evaluation the files with visitIds give', async () => {
    const db = await t.open();
    expect((await importPath(db, dmsDir, {})).total.rejected).toBe(0);
    await scoreCustomers(db, { asOf: parseDay(asOf), now: new Date(`${asOf}T02:00:00+08:00`), policy: defaultPolicy() });
    const stored = await db.query<{ record: CustomerEvaluation }>('SELECT record FROM evaluations WHERE as_of = $1 ORDER BY customer_id', [asOf]);
    expect(stored.map((r) => r.record)).toEqual(withIds);
  });
});

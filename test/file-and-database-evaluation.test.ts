import { mkdtempSync } from 'node:fs';
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

const asOf = '2026-06-30';
let dir: string;
let fromFiles: CustomerEvaluation[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'retain-equality-'));
  await writeDemoFiles(dir, { customers: 400, seed: 11, asOf });
  const { facts, errors } = await readFactsFromFiles(dir);
  expect(errors).toEqual([]);
  fromFiles = evaluateCustomers(facts, defaultPolicy(), parseDay(asOf)).customers;
});

describeEachDatabase('file-based and database evaluation', (t) => {
  it('give identical records for the same data', async () => {
    const db = await t.open();
    const summary = await importPath(db, dir, {});
    expect(summary.total.rejected).toBe(0);
    await scoreCustomers(db, { asOf: parseDay(asOf), now: new Date(`${asOf}T02:00:00+08:00`), policy: defaultPolicy() });
    const stored = await db.query<{ record: CustomerEvaluation }>(
      'SELECT record FROM evaluations WHERE as_of = $1 ORDER BY customer_id',
      [asOf],
    );
    expect(stored).toHaveLength(400);
    // The sample must exercise more than the happy path for the comparison to mean something.
    expect(new Set(fromFiles.map((c) => c.level)).size).toBeGreaterThanOrEqual(3);
    expect(stored.map((r) => r.record)).toEqual(fromFiles);
  });
});

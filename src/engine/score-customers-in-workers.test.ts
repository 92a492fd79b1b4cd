import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { parseDay } from '../domain/dates.js';
import { evaluateCustomers } from '../domain/evaluate-customer.js';
import type { CustomerEvaluation } from '../domain/evaluation.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { importPath } from '../ingest/import-path.js';
import { readFactsFromFiles } from '../ingest/read-facts-from-files.js';
import { scoreCustomers } from './score-customers.js';

const asOf = '2026-06-30';
let dir: string;
let fromFiles: CustomerEvaluation[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'retain-workers-'));
  await writeDemoFiles(dir, { customers: 300, stores: 3, seed: 5, asOf });
  const { facts } = await readFactsFromFiles(dir);
  fromFiles = evaluateCustomers(facts, defaultPolicy(), parseDay(asOf)).customers;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A run longer than a page evaluates in worker threads: it must store what the file-based
// evaluation gives, page boundaries and store filters included.
describeEachDatabase('an evaluation run in worker threads', (t) => {
  it('stores the records the file-based evaluation gives, for all customers and for one store', async () => {
    const db = await t.open();
    await importPath(db, dir, {});
    const run = (storeId?: string) =>
      scoreCustomers(db, { asOf: parseDay(asOf), now: new Date(`${asOf}T02:00:00+08:00`), policy: defaultPolicy(), pageSize: 70, workers: 2, ...(storeId ? { storeId } : {}) });
    const stored = async () =>
      (await db.query<{ record: CustomerEvaluation }>('SELECT record FROM evaluations WHERE as_of = $1 ORDER BY customer_id', [asOf])).map((r) => r.record);

    const all = await run();
    expect(all.customers).toBe(300);
    expect(await stored()).toEqual(fromFiles);
    // The first run compacted the long states it read (two years of history leave little to
    // thin: their cutoff is recorded); the same date again reads them as they are now.
    expect(all.statesWritten).toBeGreaterThan(0);
    const [states] = await db.query<{ long: number; compacted: number }>(
      `SELECT count(*) FILTER (WHERE array_length(string_to_array(events, E'\n'), 1) >= 16)::int AS long,
              count(*) FILTER (WHERE compacted_to IS NOT NULL)::int AS compacted FROM customer_state`,
    );
    expect(states!.compacted).toBe(states!.long);
    await db.exec('DELETE FROM evaluations');
    expect((await run()).statesWritten).toBe(0);
    expect(await stored()).toEqual(fromFiles);

    const [{ store_id: storeId, n }] = (await db.query<{ store_id: string; n: number }>(
      'SELECT store_id, count(*)::int AS n FROM customers GROUP BY store_id ORDER BY store_id LIMIT 1',
    )) as [{ store_id: string; n: number }];
    await db.exec('DELETE FROM evaluations');
    const one = await run(storeId);
    expect(one.customers).toBe(n);
    const ids = new Set((await db.query<{ id: string }>('SELECT id FROM customers WHERE store_id = $1', [storeId])).map((r) => r.id));
    expect(await stored()).toEqual(fromFiles.filter((c) => ids.has(c.customerId)));
  });
});

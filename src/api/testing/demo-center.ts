import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDay } from '../../domain/dates.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { backfillMonthEnds } from '../../demo/backfill-month-ends.js';
import { DEMO_TEST_COST, setDemoPasswords } from '../../demo/demo-logins.js';
import { writeDemoFiles } from '../../demo/write-demo-files.js';
import { refitModels } from '../../engine/fit-models.js';
import type { ChurnOptions } from '../../engine/train-churn-model.js';
import { scoreCustomers } from '../../engine/score-customers.js';
import { importPath } from '../../ingest/import-path.js';
import type { Db } from '../../store/db.js';

/**
 * A small demo service center in a database, the way `retain demo` loads it: generated,
 * imported, its prediction models fitted if asked, scored as of `asOf` (plus `backfillMonths` month ends), demo logins set with cheap hashes.
 */
export async function loadDemoCenter(
  db: Db,
  options: { customers: number; stores?: number; asOf: string; now: Date; backfillMonths?: number; seed?: number; fitModels?: { churn?: ChurnOptions } },
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'retain-demo-'));
  try {
    await writeDemoFiles(dir, { customers: options.customers, stores: options.stores ?? 2, seed: options.seed ?? 7, asOf: options.asOf });
    await importPath(db, dir, {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const policy = defaultPolicy();
  const today = parseDay(options.asOf);
  if (options.fitModels) await refitModels(db, today, { now: options.now, by: 'demo', policy, ...options.fitModels });
  await scoreCustomers(db, { asOf: today, now: options.now, policy });
  if (options.backfillMonths) await backfillMonthEnds(db, { today, months: options.backfillMonths, now: options.now, policy });
  await setDemoPasswords(db, options.now, { cost: DEMO_TEST_COST });
}

import { formatDay, type Day } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { Level } from '../domain/evaluation.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { PredictionModels } from '../prediction/model-schemas.js';
import type { Db } from '../store/db.js';
import type { StoredFacts } from './load-facts.js';
import { newestSnapshots } from './newest-snapshots.js';
import { reactToEvaluations } from './programs/react-to-evaluations.js';
import { saveEvaluations } from './save-evaluations.js';
import { snapshotOf, type Snapshot } from './snapshot.js';
import { emptyWarningCounts, syncWarnings, type WarningCounts } from './sync-warnings.js';

export interface StoreOutcome {
  customers: number;
  levels: Record<Level, number>;
  warnings: WarningCounts;
}

export function emptyOutcome(): StoreOutcome {
  return { customers: 0, levels: { green: 0, yellow: 0, orange: 0, red: 0 }, warnings: emptyWarningCounts() };
}

export function addOutcome(total: StoreOutcome, part: StoreOutcome): void {
  total.customers += part.customers;
  for (const k of Object.keys(part.levels) as Level[]) total.levels[k] += part.levels[k];
  for (const k of Object.keys(part.warnings) as (keyof WarningCounts)[]) total.warnings[k] += part.warnings[k];
}

/**
 * Evaluates customers (each as of its own date: a store's "today" depends on its time zone),
 * stores the day's snapshots and moves the warnings, one transaction per date.
 */
export async function evaluateAndStore(
  db: Db,
  facts: StoredFacts[],
  asOfFor: (f: StoredFacts) => Day,
  policy: Policy,
  now: Date,
  /** The prediction models in force by store: without them the record's predictions are null. */
  models: ReadonlyMap<string, PredictionModels> = new Map(),
): Promise<StoreOutcome> {
  const byDay = new Map<Day, Snapshot[]>();
  for (const f of facts) {
    const asOf = asOfFor(f);
    let list = byDay.get(asOf);
    if (!list) byDay.set(asOf, (list = []));
    list.push(snapshotOf(f.storeId, evaluateCustomer(f, policy, asOf, { models: models.get(f.storeId) }), formatDay(asOf)));
  }
  const outcome = emptyOutcome();
  for (const [day, snapshots] of byDay) addOutcome(outcome, await storeSnapshots(db, day, policy.version, snapshots, now));
  return outcome;
}

/** Stores the snapshots of one date, moves the warnings and lets the programs react, in one transaction. */
export async function storeSnapshots(db: Db, asOf: Day, policyVersion: string, snapshots: readonly Snapshot[], now: Date): Promise<StoreOutcome> {
  const day = formatDay(asOf);
  const outcome = emptyOutcome();
  outcome.customers = snapshots.length;
  for (const s of snapshots) outcome.levels[s.level]++;
  outcome.warnings = await db.transaction(async (tx) => {
    const newest = await newestSnapshots(tx, day, snapshots);
    const counts = await syncWarnings(tx, day, policyVersion, newest, now);
    await saveEvaluations(tx, day, policyVersion, snapshots, now);
    await reactToEvaluations(tx, day, newest, now);
    return counts;
  });
  return outcome;
}

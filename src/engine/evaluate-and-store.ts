import { formatDay, type Day } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { Level } from '../domain/evaluation.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';
import type { StoredFacts } from './load-facts.js';
import { saveEvaluations, type EvaluatedCustomer } from './save-evaluations.js';
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
): Promise<StoreOutcome> {
  const outcome = emptyOutcome();
  const byDay = new Map<Day, EvaluatedCustomer[]>();
  for (const f of facts) {
    const asOf = asOfFor(f);
    const evaluation = evaluateCustomer(f, policy, asOf);
    outcome.customers++;
    outcome.levels[evaluation.level]++;
    let list = byDay.get(asOf);
    if (!list) byDay.set(asOf, (list = []));
    list.push({ storeId: f.storeId, evaluation });
  }
  for (const [day, evaluated] of byDay) {
    const asOf = formatDay(day);
    const warnings = await db.transaction(async (tx) => {
      const counts = await syncWarnings(tx, asOf, policy.version, evaluated, now);
      await saveEvaluations(tx, asOf, policy.version, evaluated, now);
      return counts;
    });
    addOutcome(outcome, { ...emptyOutcome(), warnings });
  }
  return outcome;
}

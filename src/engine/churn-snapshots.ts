import type { Day } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { CustomerEvaluation, CustomerFacts } from '../domain/evaluation.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { churnFeatures, type BgNbdOutputs } from '../prediction/churn-features.js';
import type { BgNbdModel } from '../prediction/model-schemas.js';
import { bgNbdOutputs } from '../prediction/predict-customer.js';
import { summarizeVisits, type VisitHistory, type VisitSummary } from '../prediction/visit-summary.js';
import { fitBgNbdAsOf } from './fit-visit-models.js';
import { visitedWithin, visitHistoryOf } from './visit-histories.js';

/** One store's customers with every event on record, and their visit histories read once. */
export interface StoreHistory {
  customers: { id: string; facts: CustomerFacts; history: VisitHistory }[];
  /** BG/NBD as of each snapshot date, fitted once per date (null: too little repeat business). */
  bgNbdByDate: Map<Day, BgNbdModel | null>;
  /** The evaluated cases per policy (by identity: a draft may reuse a version), date and horizon: training and back-test share dates. */
  cases: WeakMap<Policy, Map<string, SnapshotCase[]>>;
}

export function storeHistory(facts: readonly CustomerFacts[]): StoreHistory {
  return {
    customers: facts.map((f) => ({ id: f.customer.id, facts: f, history: visitHistoryOf(f) })),
    bgNbdByDate: new Map(),
    cases: new WeakMap(),
  };
}

/** The earliest day any customer of the store was born (since or first visit). */
export function firstDay(data: StoreHistory): Day | null {
  let first = Infinity;
  for (const c of data.customers) first = Math.min(first, c.history.since, c.history.visits[0]?.day ?? Infinity);
  return Number.isFinite(first) ? first : null;
}

/** A customer as of a snapshot date, with the outcome: "lost" = no visit in the following horizon. */
export interface SnapshotCase {
  customerId: string;
  evaluation: CustomerEvaluation;
  summary: VisitSummary;
  lost: boolean;
}

/** Every customer already born by `date`, evaluated as of it (features as of D, label from after D). */
export function casesAt(data: StoreHistory, policy: Policy, date: Day, horizonDays: number): SnapshotCase[] {
  let byKey = data.cases.get(policy);
  if (!byKey) data.cases.set(policy, (byKey = new Map()));
  const key = `${date}|${horizonDays}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const cases: SnapshotCase[] = [];
  for (const c of data.customers) {
    const summary = summarizeVisits(c.history, date);
    if (!summary) continue;
    cases.push({
      customerId: c.id,
      evaluation: evaluateCustomer(c.facts, policy, date),
      summary,
      lost: !visitedWithin(c.history, date, horizonDays),
    });
  }
  byKey.set(key, cases);
  return cases;
}

export function bgNbdAt(data: StoreHistory, date: Day): BgNbdModel | null {
  if (!data.bgNbdByDate.has(date)) {
    data.bgNbdByDate.set(date, fitBgNbdAsOf(data.customers, date)?.model ?? null);
  }
  return data.bgNbdByDate.get(date)!;
}

/** The churn model's inputs for the cases of one date, with the BG/NBD fitted on the data up to that date. */
export function featuresAt(data: StoreHistory, cases: readonly SnapshotCase[], date: Day): { features: number[][]; bg: BgNbdOutputs[] } | null {
  const model = bgNbdAt(data, date);
  if (!model) return null;
  const bg = cases.map((c) => bgNbdOutputs(model, c.summary));
  return { features: cases.map((c, i) => churnFeatures(c.evaluation, bg[i]!)), bg };
}

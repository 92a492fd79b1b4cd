import { formatDay, parseDay, type Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { CHURN_FEATURES } from '../prediction/churn-features.js';
import { churnModelSchema } from '../prediction/model-schemas.js';
import type { Db } from '../store/db.js';
import { readCurrentModels } from '../store/read-model.js';
import { NETWORK, writeModel, type ModelKind } from '../store/write-model.js';
import { getActivePolicy } from './active-policy.js';
import { firstDay, type StoreHistory } from './churn-snapshots.js';
import { fitVisitModels, type VisitModelKind } from './fit-visit-models.js';
import { loadStoreHistory, storeIds } from './load-store-histories.js';
import { brierAt, trainChurnModel, type ChurnOptions, type ChurnTraining } from './train-churn-model.js';

export interface RefitOptions {
  /** When the fit happened (stored with each model). */
  now: Date;
  /** Stored with each fit: `retain fit`, `demo`, `schedule`. */
  by: string;
  /** The stores to refit; default every store. */
  stores?: readonly string[];
  /** The policy whose scores the churn model reads and whose `prediction` section sets the minimums; default the one in force. */
  policy?: Policy;
  /** Default: bgnbd, gammagamma and churn (what the evaluation record uses). */
  kinds?: readonly ModelKind[];
  churn?: ChurnOptions;
  /** Fit the network's models (every store pooled) when a store could not fit its own; default true. */
  network?: boolean;
}

export interface RefitResult {
  /** The store, or `*` for the network's model. */
  storeId: string;
  kind: ModelKind;
  /** The stored model's id; null when the store's data could not support the model. */
  id: number | null;
  /** Put in force; false when it is not stored, or did worse than the model in force (see `reason`). */
  active: boolean;
  customers: number;
  metrics: unknown;
  reason?: string;
}

export const DEFAULT_KINDS: readonly ModelKind[] = ['bgnbd', 'gammagamma', 'churn'];

type Fit = { model: unknown; metrics: unknown; customers: number; windowFrom: string | null };

/** Why a store may not fit its own models under the policy's minimums; null when it may. */
export function tooSmallToFit(data: StoreHistory, asOf: Day, policy: Policy): string | null {
  const { minCustomers, minHistoryDays } = policy.prediction;
  if (data.customers.length < minCustomers) return `${data.customers.length} customers, fewer than the ${minCustomers} a fit needs`;
  const first = firstDay(data);
  const days = first === null ? 0 : asOf - first;
  if (days < minHistoryDays) return `${days} days of history, fewer than the ${minHistoryDays} a fit needs`;
  return null;
}

/**
 * The not-worse gate: a new churn model goes into force only if its back-test Brier score is no
 * worse than the model in force scores on the same test window (the same customers, date and
 * horizon). The model in force is scored there only if it was trained on snapshots before that
 * date; one that saw the window (a refit as of the same day) is compared by its own back-test when
 * that is on the same date, and otherwise cannot be compared fairly, so the new fit goes in. The
 * visit models are maximum-likelihood fits of the whole history, at least as likely on it as any
 * earlier fit, so they are not gated.
 */
async function churnGate(db: Db, storeId: string, data: StoreHistory, policy: Policy, fit: ChurnTraining): Promise<string | null> {
  const bt = fit.metrics.backtest;
  const current = (await readCurrentModels(db, storeId)).find((m) => m.storeId === storeId && m.kind === 'churn');
  if (!bt || !current) return null;
  const parsed = churnModelSchema.safeParse(current.model);
  if (!parsed.success || parsed.data.features.join() !== CHURN_FEATURES.join()) return null;
  const seen = current.metrics as Partial<ChurnTraining['metrics']>;
  let inForce: number | null = null;
  if (seen.backtest?.testDate === bt.testDate && seen.horizonDays === fit.metrics.horizonDays) inForce = seen.backtest.brier;
  else if ((seen.trainDates ?? []).every((d) => d < bt.testDate)) inForce = brierAt(data, policy, parseDay(bt.testDate), parsed.data);
  if (inForce === null || bt.brier <= inForce) return null;
  return `back-test Brier ${bt.brier.toFixed(4)} is worse than ${inForce.toFixed(4)} of model ${current.id} in force on the same test window (${bt.testDate}); kept, not activated`;
}

async function fitOne(db: Db, storeId: string, data: StoreHistory, asOf: Day, policy: Policy, kinds: ReadonlySet<ModelKind>, options: RefitOptions): Promise<RefitResult[]> {
  const results: RefitResult[] = [];
  const windowTo = formatDay(asOf);
  const store = async (kind: ModelKind, fit: Fit | null, reason: string, gate: string | null = null) => {
    if (!fit) {
      results.push({ storeId, kind, id: null, active: false, customers: 0, metrics: null, reason });
      return;
    }
    const row = { storeId, kind, asOf: windowTo, windowFrom: fit.windowFrom, windowTo, customers: fit.customers, model: fit.model, metrics: fit.metrics };
    const id = await writeModel(db, { ...row, fittedBy: options.by, active: gate === null, note: gate }, options.now);
    results.push({ storeId, kind, id, active: gate === null, customers: fit.customers, metrics: fit.metrics, ...(gate ? { reason: gate } : {}) });
  };
  const visitKinds = new Set([...kinds].filter((k): k is VisitModelKind => k !== 'churn'));
  const fitted = fitVisitModels(data.customers, asOf, visitKinds);
  const few = 'too few customers with a repeat visit';
  if (kinds.has('bgnbd')) await store('bgnbd', fitted.bgNbd, few);
  if (kinds.has('paretonbd')) await store('paretonbd', fitted.paretoNbd, few);
  if (kinds.has('gammagamma')) await store('gammagamma', fitted.gammaGamma, 'too few customers with a paid visit');
  if (kinds.has('churn')) {
    const churn = trainChurnModel(data, policy, asOf, options.churn);
    await store('churn', churn, 'not enough history for labelled snapshots with both outcomes', churn && (await churnGate(db, storeId, data, policy, churn)));
  }
  return results;
}

/**
 * Refits the prediction models of every store (or those asked for) on the data up to `asOf` and
 * stores each with its metrics, data window and who fitted it; the newest active fit of a kind is
 * the one in force. A store below the policy's minimums (customers, days of history) fits
 * nothing and is predicted with the network's models, fitted here on every store pooled when
 * some store needed them. This is what `retain fit`, the demo and the worker's schedule run.
 */
export async function refitModels(db: Db, asOf: Day, options: RefitOptions): Promise<RefitResult[]> {
  const kinds = new Set(options.kinds ?? DEFAULT_KINDS);
  const policy = options.policy ?? (await getActivePolicy(db));
  const all = await storeIds(db);
  const stores = options.stores ?? all;
  for (const s of stores) if (!all.includes(s)) throw new RangeError(`no store "${s}"`);
  const results: RefitResult[] = [];
  let needNetwork = false;
  for (const storeId of stores) {
    const data = await loadStoreHistory(db, storeId);
    const small = tooSmallToFit(data, asOf, policy);
    if (small) {
      for (const kind of kinds) results.push({ storeId, kind, id: null, active: false, customers: data.customers.length, metrics: null, reason: `${small}: the network's model is used` });
      needNetwork = true;
      continue;
    }
    const fitted = await fitOne(db, storeId, data, asOf, policy, kinds, options);
    needNetwork ||= fitted.some((r) => r.id === null);
    results.push(...fitted);
  }
  if (needNetwork && options.network !== false) {
    const data = await loadStoreHistory(db, all);
    const small = tooSmallToFit(data, asOf, policy);
    if (small) for (const kind of kinds) results.push({ storeId: NETWORK, kind, id: null, active: false, customers: data.customers.length, metrics: null, reason: small });
    else results.push(...(await fitOne(db, NETWORK, data, asOf, policy, kinds, options)));
  }
  return results;
}

/**
 * The worker's scheduled refit: the stores whose last fit (in force or not) is at least the
 * policy's `refitEveryDays` old at `now`, or that were never fitted. Returns what it fitted.
 */
export async function refitDueModels(db: Db, asOf: Day, options: { now: Date; policy?: Policy }): Promise<RefitResult[]> {
  const policy = options.policy ?? (await getActivePolicy(db));
  const last = await db.query<{ store_id: string; at: Date }>('SELECT store_id, max(fitted_at) AS at FROM prediction_models GROUP BY store_id');
  const every = policy.prediction.refitEveryDays * 86_400_000;
  const lastOf = new Map(last.map((r) => [r.store_id, new Date(r.at).getTime()]));
  const isDue = (store: string) => {
    const at = lastOf.get(store);
    return at === undefined || options.now.getTime() - at >= every;
  };
  // A store too small to fit stays due (it stores nothing) but costs only its own few customers.
  const due = (await storeIds(db)).filter(isDue);
  if (due.length === 0) return [];
  return refitModels(db, asOf, { now: options.now, by: 'schedule', stores: due, policy, network: isDue(NETWORK) });
}

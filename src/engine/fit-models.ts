import { formatDay, type Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';
import { writeModel, type ModelKind } from '../store/write-model.js';
import { getActivePolicy } from './active-policy.js';
import { fitVisitModels, type VisitModelKind } from './fit-visit-models.js';
import { loadStoreHistory, storeIds } from './load-store-histories.js';
import { trainChurnModel, type ChurnOptions } from './train-churn-model.js';

export interface RefitOptions {
  /** When the fit happened (stored with each model). */
  now: Date;
  storeId?: string;
  /** The policy whose scores the churn model reads; default the one in force. */
  policy?: Policy;
  /** Default: bgnbd, gammagamma and churn (what the evaluation record uses). */
  kinds?: readonly ModelKind[];
  churn?: ChurnOptions;
}

export interface RefitResult {
  storeId: string;
  kind: ModelKind;
  /** The stored model's id; null when the store's data could not support the model. */
  id: number | null;
  customers: number;
  metrics: unknown;
  reason?: string;
}

export const DEFAULT_KINDS: readonly ModelKind[] = ['bgnbd', 'gammagamma', 'churn'];

/**
 * Refits the prediction models of every store (or one) on the data up to `asOf` and stores each
 * with its metrics and data window; the newest stored model of a kind is the one in force. This
 * is what `retain fit` runs and what the worker calls on its schedule.
 */
export async function refitModels(db: Db, asOf: Day, options: RefitOptions): Promise<RefitResult[]> {
  const kinds = new Set(options.kinds ?? DEFAULT_KINDS);
  const { now } = options;
  const policy = options.policy ?? (await getActivePolicy(db));
  const results: RefitResult[] = [];
  for (const storeId of await storeIds(db, options.storeId)) {
    const data = await loadStoreHistory(db, storeId);
    const windowTo = formatDay(asOf);
    const visitKinds = new Set([...kinds].filter((k): k is VisitModelKind => k !== 'churn'));
    const fitted = fitVisitModels(data.customers, asOf, visitKinds);
    const stored = async (kind: ModelKind, fit: { model: unknown; metrics: unknown; customers: number; windowFrom: string | null } | null, reason: string) => {
      if (!fit) {
        results.push({ storeId, kind, id: null, customers: 0, metrics: null, reason });
        return;
      }
      const id = await writeModel(db, { storeId, kind, asOf: windowTo, windowFrom: fit.windowFrom, windowTo, customers: fit.customers, model: fit.model, metrics: fit.metrics }, now);
      results.push({ storeId, kind, id, customers: fit.customers, metrics: fit.metrics });
    };
    const few = 'too few customers with a repeat visit';
    if (kinds.has('bgnbd')) await stored('bgnbd', fitted.bgNbd, few);
    if (kinds.has('paretonbd')) await stored('paretonbd', fitted.paretoNbd, few);
    if (kinds.has('gammagamma')) await stored('gammagamma', fitted.gammaGamma, 'too few customers with a paid visit');
    if (kinds.has('churn')) {
      await stored('churn', trainChurnModel(data, policy, asOf, options.churn), 'not enough history for labelled snapshots with both outcomes');
    }
  }
  return results;
}

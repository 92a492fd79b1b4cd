import { formatDay, parseDay, type Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';
import { getActivePolicy } from './active-policy.js';
import { backtestStores, type PolicyBacktest } from './backtest-stores.js';
import { lastDataDay, loadStoreHistory, storeIds } from './load-store-histories.js';

export interface BacktestOptions {
  /** The past date the warnings are taken as of; default: the last day with data minus the horizon. */
  asOf?: Day;
  /** A draft policy; default the one in force. */
  policy?: Policy;
  storeId?: string;
  /** Only these stores (a caller's scope); with storeId, that store if it is among them. */
  storeIds?: readonly string[];
  horizonDays?: number;
}

/** Thrown when the outcome window after `asOf` is not yet fully in the data. */
export class BacktestWindowError extends RangeError {}

/**
 * Item 4: as of a past date, how well the warning levels of the policy (in force or draft)
 * foresaw who was lost in the following `horizonDays`, beside the churn model trained on what
 * was known at that date.
 */
export async function backtestPolicy(db: Db, options: BacktestOptions = {}): Promise<PolicyBacktest & { storeId: string | null }> {
  const horizonDays = options.horizonDays ?? 180;
  const inForce = await getActivePolicy(db);
  let ids = await storeIds(db, options.storeId);
  if (options.storeIds) ids = ids.filter((id) => options.storeIds!.includes(id));
  const end = await lastDataDay(db, ids);
  if (end === null) throw new BacktestWindowError('there is no event data to back-test on');
  const lastDay = parseDay(end);
  const asOf = options.asOf ?? lastDay - horizonDays;
  if (asOf + horizonDays > lastDay) {
    throw new BacktestWindowError(`the ${horizonDays} days after the back-test date are not all in the data yet (it ends ${end}); pick a date on or before ${formatDay(lastDay - horizonDays)}`);
  }
  const stores = [];
  for (const id of ids) stores.push(await loadStoreHistory(db, id));
  const report = backtestStores(stores, options.policy ?? inForce, asOf, { horizonDays, churnPolicy: inForce });
  return { ...report, storeId: options.storeId ?? null };
}

import { formatDay, type Day } from '../domain/dates.js';
import { fitBgNbd } from '../prediction/bg-nbd.js';
import { fitGammaGamma } from '../prediction/gamma-gamma.js';
import type { BgNbdModel, GammaGammaModel, ParetoNbdModel } from '../prediction/model-schemas.js';
import { fitParetoNbd } from '../prediction/pareto-nbd.js';
import type { RfmRow } from '../prediction/rfm.js';
import { summarizeVisits, type VisitHistory } from '../prediction/visit-summary.js';

/** Below this many customers with a repeat visit a fit says little: no model rather than a wild one. */
export const MIN_REPEAT_CUSTOMERS = 20;

/**
 * The penalty of the store's BG/NBD fits (bg-nbd.ts FitOptions): service visits are more regular
 * than Poisson, which sends the unpenalised maximum to infinity.
 */
export const STORE_FIT_PENALTY = 0.01;

/** The CLV horizon and discount the stored spend model carries (the spec leaves both open). */
export const CLV_DEFAULTS = { clvMonths: 60, monthlyDiscountRate: 0.01 } as const;

export interface VisitModelFit<M> {
  model: M;
  metrics: { logLik: number; customers: number; iterations: number; converged: boolean };
  customers: number;
  windowFrom: string | null;
}

export interface VisitModels {
  bgNbd: VisitModelFit<BgNbdModel> | null;
  paretoNbd: VisitModelFit<ParetoNbdModel> | null;
  gammaGamma: VisitModelFit<GammaGammaModel> | null;
}

/** The visit histories as of `asOf` in BTYD terms, in days; customers not yet born are left out. */
export function rfmRowsAsOf(histories: readonly { id: string; history: VisitHistory }[], asOf: Day) {
  const rows: (RfmRow & { visits: number; paidVisits: number; meanPaid: number; birth: number })[] = [];
  for (const { id, history } of histories) {
    const s = summarizeVisits(history, asOf);
    if (s) rows.push({ id, frequency: s.frequency, recency: s.recency, T: s.T, visits: s.visits, paidVisits: s.paidVisits, meanPaid: s.meanPaid, birth: asOf - s.T });
  }
  return rows;
}

const earliestBirth = (rows: readonly { birth: number }[]) => rows.reduce((m, r) => Math.min(m, r.birth), Infinity);

/** BG/NBD alone, as of a date: what each churn snapshot needs. Null with too little repeat business. */
export function fitBgNbdAsOf(histories: readonly { id: string; history: VisitHistory }[], asOf: Day): VisitModelFit<BgNbdModel> | null {
  const rows = rfmRowsAsOf(histories, asOf);
  if (rows.filter((r) => r.frequency > 0).length < MIN_REPEAT_CUSTOMERS) return null;
  const fit = fitBgNbd(rows, { penalty: STORE_FIT_PENALTY });
  return {
    model: { params: fit.params, unitDays: 1 },
    metrics: { logLik: fit.logLik, customers: fit.customers, iterations: fit.iterations, converged: fit.converged },
    customers: rows.length,
    windowFrom: formatDay(earliestBirth(rows)),
  };
}

export type VisitModelKind = 'bgnbd' | 'paretonbd' | 'gammagamma';

/**
 * BG/NBD and Pareto/NBD on every visit (days), Gamma-Gamma on the paid tickets, all as of
 * `asOf`; the kinds not asked for are null. Pareto/NBD serves to compare the two visit models by
 * likelihood; its 2F1 terms make it some ten times slower to fit than BG/NBD.
 */
export function fitVisitModels(
  histories: readonly { id: string; history: VisitHistory }[],
  asOf: Day,
  kinds: ReadonlySet<VisitModelKind> = new Set(['bgnbd', 'paretonbd', 'gammagamma']),
): VisitModels {
  const rows = rfmRowsAsOf(histories, asOf);
  const repeat = rows.filter((r) => r.frequency > 0).length;
  const windowFrom = rows.length > 0 ? formatDay(earliestBirth(rows)) : null;
  const metrics = (f: { logLik: number; customers: number; iterations: number; converged: boolean }) => ({
    logLik: f.logLik, customers: f.customers, iterations: f.iterations, converged: f.converged,
  });
  let bgNbd: VisitModels['bgNbd'] = null;
  let paretoNbd: VisitModels['paretoNbd'] = null;
  if (repeat >= MIN_REPEAT_CUSTOMERS && kinds.has('bgnbd')) {
    const bg = fitBgNbd(rows, { penalty: STORE_FIT_PENALTY });
    bgNbd = { model: { params: bg.params, unitDays: 1 }, metrics: metrics(bg), customers: rows.length, windowFrom };
  }
  if (repeat >= MIN_REPEAT_CUSTOMERS && kinds.has('paretonbd')) {
    const pn = fitParetoNbd(rows, { penalty: STORE_FIT_PENALTY });
    paretoNbd = { model: { params: pn.params, unitDays: 1 }, metrics: metrics(pn), customers: rows.length, windowFrom };
  }
  const spenders = rows.filter((r) => r.paidVisits > 0 && r.meanPaid > 0);
  let gammaGamma: VisitModels['gammaGamma'] = null;
  if (spenders.length >= MIN_REPEAT_CUSTOMERS && kinds.has('gammagamma')) {
    const gg = fitGammaGamma(spenders.map((r) => ({ frequency: r.paidVisits, monetaryValue: r.meanPaid })));
    const visits = rows.reduce((s, r) => s + r.visits, 0);
    const paid = rows.reduce((s, r) => s + r.paidVisits, 0);
    gammaGamma = {
      model: { params: gg.params, paidShare: visits > 0 ? paid / visits : 0, ...CLV_DEFAULTS },
      metrics: metrics(gg),
      customers: spenders.length,
      windowFrom,
    };
  }
  return { bgNbd, paretoNbd, gammaGamma };
}

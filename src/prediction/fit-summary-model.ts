import { fitBgNbd } from './bg-nbd.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { fitParetoNbd } from './pareto-nbd.js';
import type { RfmRow } from './rfm.js';

export const summaryModelKinds = ['bgnbd', 'paretonbd', 'gammagamma'] as const;
export type SummaryModelKind = (typeof summaryModelKinds)[number];

export interface SummaryFit {
  /** Named as in the literature: r, alpha, a, b · r, alpha, s, beta · p, q, v. */
  params: Record<string, number>;
  logLik: number;
  customers: number;
  converged: boolean;
}

/**
 * Plain maximum likelihood of one model on an RFM summary. Gamma-Gamma reads the customers with
 * a repeat purchase and a positive mean spend only, as the published fits do.
 */
export function fitSummaryModel(kind: SummaryModelKind, rows: readonly RfmRow[]): SummaryFit {
  if (kind === 'gammagamma') {
    if (rows.some((r) => r.monetaryValue === undefined)) {
      throw new RangeError('Gamma-Gamma needs the mean repeat spend: a summary with a zbar (or monetary_value) column, or a transaction log with amounts');
    }
    const spenders = rows.filter((r) => r.frequency > 0 && r.monetaryValue! > 0).map((r) => ({ frequency: r.frequency, monetaryValue: r.monetaryValue! }));
    const f = fitGammaGamma(spenders);
    return { params: { ...f.params }, logLik: f.logLik, customers: f.customers, converged: f.converged };
  }
  const f = kind === 'bgnbd' ? fitBgNbd(rows) : fitParetoNbd(rows);
  return { params: { ...f.params }, logLik: f.logLik, customers: f.customers, converged: f.converged };
}

import type { Fit } from './bg-nbd.js';
import { minimise } from './nelder-mead.js';
import { lnGamma } from './special-functions.js';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013 note 025):
 * each purchase's value ~ Gamma(p, ν) around the customer's own mean, ν ~ Gamma(q, γ). `v` is γ,
 * as lifetimes names it.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** One repeat customer: x repeat purchases with mean value m. */
export interface SpendRow {
  frequency: number;
  monetaryValue: number;
}

function check(rows: readonly SpendRow[]): void {
  if (rows.length === 0) throw new RangeError('no repeat customers to fit the spend model on');
  for (const r of rows) {
    if (!(r.frequency > 0 && r.monetaryValue > 0)) throw new RangeError(`Gamma-Gamma needs frequency > 0 and mean spend > 0, got ${r.frequency} and ${r.monetaryValue}`);
  }
}

/** The rows as columns, with the logs that do not depend on the parameters taken once. */
interface PreparedSpend {
  n: number;
  x: Float64Array;
  m: Float64Array;
  /** ln m and ln x per customer: fixed by the data, taken once */
  lnM: Float64Array;
  lnX: Float64Array;
  /** Index into distinctX: the Gamma-function terms depend on x alone. */
  group: Int32Array;
  distinctX: Float64Array;
}

function prepare(rows: readonly SpendRow[]): PreparedSpend {
  const n = rows.length;
  const d: PreparedSpend = {
    n, x: new Float64Array(n), m: new Float64Array(n), lnM: new Float64Array(n), lnX: new Float64Array(n), group: new Int32Array(n), distinctX: new Float64Array(0),
  };
  const index = new Map<number, number>();
  rows.forEach((r, i) => {
    d.x[i] = r.frequency;
    d.m[i] = r.monetaryValue;
    d.lnM[i] = Math.log(r.monetaryValue);
    d.lnX[i] = Math.log(r.frequency);
    let g = index.get(r.frequency);
    if (g === undefined) index.set(r.frequency, (g = index.size));
    d.group[i] = g;
  });
  d.distinctX = Float64Array.from(index.keys());
  return d;
}

/** The density of the observed mean z̄ = m of x purchases, ν integrated out. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly SpendRow[] | PreparedSpend): number {
  const d = 'group' in data ? data : prepare(data);
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) return -Infinity;
  const constant = q * Math.log(v) - lnGamma(q);
  const head = Array.from(d.distinctX, (x) => lnGamma(p * x + q) - lnGamma(p * x) + constant);
  let sum = 0;
  for (let i = 0; i < d.n; i++) {
    const px = p * d.x[i]!;
    sum += head[d.group[i]!]! + (px - 1) * d.lnM[i]! + px * d.lnX[i]! - (px + q) * Math.log(v + d.m[i]! * d.x[i]!);
  }
  return sum;
}

/** Fitted on customers with at least one repeat purchase and a positive mean: the others carry no spend information. */
export function fitGammaGamma(rows: readonly SpendRow[]): Fit<GammaGammaParams> {
  check(rows);
  const d = prepare(rows);
  const mean = rows.reduce((s, r) => s + r.monetaryValue, 0) / rows.length;
  const toParams = (w: number[]): GammaGammaParams => ({ p: Math.exp(w[0]!), q: Math.exp(w[1]!), v: Math.exp(w[2]!) });
  const objective = (w: number[]) => -gammaGammaLogLikelihood(toParams(w), d) / d.n;
  // Start where the prior mean pγ/(q−1) equals the sample mean (p = 1, q = 2).
  const m = minimise(objective, [0, Math.log(2), Math.log(mean)], { initialStep: 0.5 });
  return { params: toParams(m.x), logLik: -m.fx * d.n, customers: d.n, iterations: m.iterations, converged: m.converged };
}

/**
 * E[spend per purchase | x, m]: the customer's own mean shrunk towards the population mean
 * pγ/(q−1), the more the fewer purchases it rests on. Without a repeat purchase, the population mean.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, frequency: number, monetaryValue: number): number {
  const { p, q, v } = params;
  return (p * (v + frequency * monetaryValue)) / (p * frequency + q - 1);
}

import { minimise } from './nelder-mead.js';
import { prepareRfm, type PreparedRfm, type RfmRow } from './rfm.js';
import { hyp2F1, lnGamma, logAddExp } from './special-functions.js';

/** BG/NBD (Fader, Hardie & Lee 2005): purchase rate λ ~ Gamma(r, α), drop-out after a purchase p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface Fit<P> {
  params: P;
  logLik: number;
  customers: number;
  iterations: number;
  converged: boolean;
}

/**
 * The log-likelihood of the whole sample, computed in log space (log-sum-exp of the two terms)
 * so that it stays finite for customers with many purchases or a long history.
 */
export function bgNbdLogLikelihood(p: BgNbdParams, data: PreparedRfm | readonly RfmRow[]): number {
  const d = 'group' in data ? data : prepareRfm(data);
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  const k = d.distinctX.length;
  const head = new Float64Array(k);
  const dropTerm = new Float64Array(k);
  const base = r * Math.log(alpha) - lnGamma(r) + lnGamma(a + b) - lnGamma(b);
  for (let g = 0; g < k; g++) {
    const x = d.distinctX[g]!;
    head[g] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    dropTerm[g] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  let sum = 0;
  for (let i = 0; i < d.n; i++) {
    const x = d.x[i]!;
    const g = d.group[i]!;
    const alive = -(r + x) * Math.log(alpha + d.T[i]!);
    sum += head[g]! + (x > 0 ? logAddExp(alive, dropTerm[g]! - (r + x) * Math.log(alpha + d.tx[i]!)) : alive);
  }
  return sum;
}

export interface FitOptions {
  /**
   * Weight of a penalty on the squared log-parameters (α and β relative to the mean age T̄),
   * added to the mean negative log-likelihood per customer, as lifetimes' `penalizer_coef`.
   * 0 (the default) is plain maximum likelihood. A store whose visits are more regular than
   * Poisson has its maximum at infinity (no heterogeneity, r and α → ∞); a small penalty keeps
   * such a fit finite and its predictions usable.
   */
  penalty?: number;
}

/** Maximum likelihood over log-parameters (so every step stays in the domain), from a start scaled to the data's time unit. */
export function fitBgNbd(rows: readonly RfmRow[], options: FitOptions = {}): Fit<BgNbdParams> {
  const d = prepareRfm(rows);
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const scale = Math.log(Math.max(d.meanT, 1e-6));
  const penalty = options.penalty ?? 0;
  // The mean negative log-likelihood per customer: the same tolerances serve any sample size.
  const objective = (v: number[]) =>
    -bgNbdLogLikelihood(toParams(v), d) / d.n + penalty * (v[0]! ** 2 + (v[1]! - scale) ** 2 + v[2]! ** 2 + v[3]! ** 2);
  const m = minimise(objective, [0, scale, 0, 0], { initialStep: 0.5 });
  const params = toParams(m.x);
  return { params, logLik: bgNbdLogLikelihood(params, d), customers: d.n, iterations: m.iterations, converged: m.converged };
}

/** log of a/(b+x−1)·((α+T)/(α+t_x))^(r+x): the odds of "dropped out after the last purchase" against "still alive". */
function logDropOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** P(alive at T | x, t_x, T). A customer with no repeat purchase cannot have dropped out (BG/NBD drops only after a purchase). */
export function bgNbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(logDropOdds(p, x, tx, T)));
}

/** E[X(T, T+t] | x, t_x, T]: expected purchases in the next t time units (Fader, Hardie & Lee 2005, eq. 10). */
export function bgNbdExpectedPurchases(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const noneYet = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const bracket = 1 - noneYet * hyp2F1(r + x, b + x, a + b + x - 1, z);
  return bgNbdPAlive(p, x, tx, T) * ((a + b + x - 1) / (a - 1)) * bracket;
}

/** E[X(t)]: expected purchases of a new customer in its first t time units (eq. 9). */
export function bgNbdExpectedPurchasesNew(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  const lead = Math.exp(r * Math.log(alpha / (alpha + t)));
  return ((a + b - 1) / (a - 1)) * (1 - lead * hyp2F1(r, b, a + b - 1, t / (alpha + t)));
}

/**
 * P(no purchase in (T, T+t] | x, t_x, T). Dead, or alive and the next purchase comes later than
 * t: given alive, λ ~ Gamma(r+x, α+T) and, as a BG/NBD customer only drops out at a purchase,
 * "no purchase" is e^(−λt), whose mean is ((α+T)/(α+T+t))^(r+x).
 */
export function bgNbdPNoPurchase(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const alive = bgNbdPAlive(p, x, tx, T);
  return 1 - alive + alive * Math.exp((p.r + x) * Math.log((p.alpha + T) / (p.alpha + T + t)));
}

import type { Fit, FitOptions } from './bg-nbd.js';
import { minimise } from './nelder-mead.js';
import { prepareRfm, type PreparedRfm, type RfmRow } from './rfm.js';
import { hyp2F1, lnGamma, logAddExp, logSubExp } from './special-functions.js';

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchase rate λ ~ Gamma(r, α), lifetime rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * The pieces of one customer's likelihood in logs (Fader & Hardie 2005, "A Note on Deriving the
 * Pareto/NBD Model", eq. 22): `alive` is the part in which the customer is still alive at T,
 * `total` the whole; their difference is log P(alive).
 */
function logParts(p: ParetoNbdParams, x: number, tx: number, T: number, head: number): { alive: number; total: number } {
  const { r, alpha, s, beta } = p;
  const alive = head - (r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx >= T) return { alive, total: alive };
  const c = r + s + x;
  // 2F1 is evaluated on the side where its argument is in [0, 1).
  const [big, second] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const diff = Math.abs(alpha - beta);
  const term = (t: number) => Math.log(hyp2F1(c, second, c + 1, diff / (big + t))) - c * Math.log(big + t);
  const logA0 = logSubExp(term(tx), term(T));
  const died = head + Math.log(s) - Math.log(c) + logA0;
  return { alive, total: logAddExp(alive, died) };
}

function head(p: ParetoNbdParams, x: number): number {
  return lnGamma(p.r + x) - lnGamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: PreparedRfm | readonly RfmRow[]): number {
  const d = 'group' in data ? data : prepareRfm(data);
  if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) return -Infinity;
  const heads = Array.from(d.distinctX, (x) => head(p, x));
  let sum = 0;
  for (let i = 0; i < d.n; i++) sum += logParts(p, d.x[i]!, d.tx[i]!, d.T[i]!, heads[d.group[i]!]!).total;
  return sum;
}

export function fitParetoNbd(rows: readonly RfmRow[], options: FitOptions = {}): Fit<ParetoNbdParams> {
  const d = prepareRfm(rows);
  const toParams = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) });
  const scale = Math.log(Math.max(d.meanT, 1e-6));
  const penalty = options.penalty ?? 0;
  const objective = (v: number[]) =>
    -paretoNbdLogLikelihood(toParams(v), d) / d.n + penalty * (v[0]! ** 2 + (v[1]! - scale) ** 2 + v[2]! ** 2 + (v[3]! - scale) ** 2);
  const m = minimise(objective, [0, scale, 0, scale], { initialStep: 0.5 });
  const params = toParams(m.x);
  return { params, logLik: paretoNbdLogLikelihood(params, d), customers: d.n, iterations: m.iterations, converged: m.converged };
}

export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const parts = logParts(p, x, tx, T, head(p, x));
  return Math.exp(parts.alive - parts.total);
}

/** E[X(T, T+t] | x, t_x, T] (Schmittlein, Morrison & Colombo 1987, eq. 22). Needs s ≠ 1. */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const rate = ((r + x) * (beta + T)) / ((alpha + T) * (s - 1));
  return paretoNbdPAlive(p, x, tx, T) * rate * (1 - Math.exp((s - 1) * Math.log((beta + T) / (beta + T + t))));
}

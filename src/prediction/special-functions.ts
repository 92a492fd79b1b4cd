import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';

/**
 * Special functions from stdlib (a maintained, well-tested numerics library; checked on Node 20
 * against the defining series to ~1e-15 on the argument ranges the models use).
 */
export const lnGamma: (x: number) => number = gammaln;

/** Gauss hypergeometric function 2F1(a, b; c; z). */
export const hyp2F1: (a: number, b: number, c: number, z: number) => number = hyp2f1;

/** log(e^a + e^b) without overflow: likelihoods are sums of terms far apart in magnitude. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(e^a − e^b) for a ≥ b. */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  return a + Math.log1p(-Math.exp(b - a));
}

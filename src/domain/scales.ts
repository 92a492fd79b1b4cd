/**
 * The two shapes every policy threshold takes: a one-sided bound ("≥ 90", "> 150") and a
 * step scale (ordered bands, the first band whose bound holds gives the score).
 */

/** Exactly one of the four keys is set (the policy schema refuses anything else). */
export interface Bound {
  atLeast?: number | undefined;
  above?: number | undefined;
  atMost?: number | undefined;
  below?: number | undefined;
}

export type Band = Bound & { score: number };

export interface StepScale {
  bands: Band[];
  otherwise: number;
}

export function holds(b: Bound, x: number): boolean {
  if (b.atLeast !== undefined) return x >= b.atLeast;
  if (b.above !== undefined) return x > b.above;
  if (b.atMost !== undefined) return x <= b.atMost;
  return b.below !== undefined && x < b.below;
}

export function scaleScore(scale: StepScale, x: number): number {
  for (const band of scale.bands) if (holds(band, x)) return band.score;
  return scale.otherwise;
}

/** The bound's threshold, whichever key holds it. */
export function boundValue(b: Bound): number {
  return b.atLeast ?? b.above ?? b.atMost ?? b.below ?? NaN;
}

/** A lower bound (atLeast/above) is met by large values, an upper bound by small ones. */
export function isLowerBound(b: Bound): boolean {
  return b.atLeast !== undefined || b.above !== undefined;
}

/** Score tiers: the first tier (in `order`) whose threshold the score reaches ("≥"), else `below`. */
export function tierOf<K extends string, B extends string>(score: number, thresholds: Record<K, number>, order: readonly K[], below: B): K | B {
  for (const k of order) if (score >= thresholds[k]) return k;
  return below;
}

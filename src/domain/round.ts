/**
 * Rounds half away from zero to `digits` decimals. A nudge of one part in 10¹² first undoes
 * binary noise, so a sum the spec means as 34.95 (stored as 34.949999999999996) rounds to 35.0
 * as a person would round it; real inputs carry far fewer significant digits than that.
 */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const n = Math.abs(x) * f;
  return (Math.sign(x) * Math.round(n * (1 + 1e-12))) / f;
}

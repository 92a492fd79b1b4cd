import { z } from 'zod';
import { boundValue, isLowerBound, type Bound } from '../scales.js';

const boundShape = {
  atLeast: z.number().optional(),
  above: z.number().optional(),
  atMost: z.number().optional(),
  below: z.number().optional(),
};

function exactlyOneBound(b: Bound, ctx: z.RefinementCtx): void {
  const set = Object.keys(boundShape).filter((k) => b[k as keyof Bound] !== undefined);
  if (set.length !== 1) {
    ctx.addIssue({ code: 'custom', message: `needs exactly one of atLeast, above, atMost, below (has ${set.length})` });
  }
}

export const boundSchema = z.strictObject(boundShape).superRefine(exactlyOneBound);

const bandSchema = z.strictObject({ ...boundShape, score: z.number() }).superRefine(exactlyOneBound);

/**
 * Bands are read first to last, so they must all point the same way and run from the strictest
 * down (lower bounds descending, upper bounds ascending); otherwise a band would be unreachable.
 */
function orderedBands(s: { bands: Bound[] }, ctx: z.RefinementCtx): void {
  const first = s.bands[0];
  if (!first) return;
  const lower = isLowerBound(first);
  for (let i = 1; i < s.bands.length; i++) {
    const prev = boundValue(s.bands[i - 1]!);
    const band = s.bands[i]!;
    const cur = boundValue(band);
    if (isLowerBound(band) !== lower) {
      ctx.addIssue({ code: 'custom', path: ['bands', i], message: `all bands must be ${lower ? 'lower bounds (atLeast/above)' : 'upper bounds (atMost/below)'} like band 0` });
    } else if (lower ? cur > prev : cur < prev) {
      ctx.addIssue({ code: 'custom', path: ['bands', i], message: `bands must be ${lower ? 'descending' : 'ascending'}: ${cur} comes after ${prev}` });
    }
  }
}

const bands = z.array(bandSchema).min(1, 'needs at least one band');

export const scaleSchema = z.strictObject({ bands, otherwise: z.number() }).superRefine(orderedBands);

/** A scale over a feature that can be missing (no rating yet). */
export const scaleWithNoDataSchema = z.strictObject({ bands, otherwise: z.number(), noData: z.number() }).superRefine(orderedBands);

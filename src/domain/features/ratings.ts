import type { Features } from '../evaluation.js';
import type { Policy } from '../policy/policy-schema.js';
import { scaleScore } from '../scales.js';
import type { Timeline } from './timeline.js';

export type RatingFeatures = Pick<Features, 'lastNps' | 'prevNps' | 'lastSatisfaction' | 'sat5'>;

export function ratingFeatures(t: Timeline, npsToSat5: Policy['features']['npsToSat5']): RatingFeatures {
  const nps = t.of('nps');
  const sat = t.of('satisfaction');
  const lastNps = nps.at(-1)?.e.score ?? null;
  const lastSatisfaction = sat.at(-1)?.e.score ?? null;
  return {
    lastNps,
    prevNps: nps.at(-2)?.e.score ?? null,
    lastSatisfaction,
    sat5: lastSatisfaction ?? (lastNps === null ? null : scaleScore(npsToSat5, lastNps)),
  };
}

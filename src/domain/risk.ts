import type { CustomerEvaluation, Features, SignalHit } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';
import { round } from './round.js';
import { scaleScore, tierOf } from './scales.js';

/** scoring.md §3: R, signal and NPS components, the weighted score (1 decimal) and its tier. */
export function riskScore(f: Features, signals: readonly SignalHit[], p: Policy['risk']): CustomerEvaluation['risk'] {
  const r = scaleScore(p.rScore, f.R);
  const s = Math.max(0, 100 - signals.reduce((sum, x) => sum + x.penalty, 0));
  const nps = f.lastNps === null ? p.npsScore.noData : scaleScore(p.npsScore, f.lastNps);
  const score = round(p.weights.r * r + p.weights.signals * s + p.weights.nps * nps, 1);
  return { score, tier: tierOf(score, p.tiers, ['green', 'yellow', 'orange'], 'red'), components: { r, signals: s, nps } };
}

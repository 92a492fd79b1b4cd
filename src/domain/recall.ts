import type { CustomerEvaluation, Features, Lifecycle } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';
import { valueTier } from './value-tier.js';

/**
 * scoring.md §10 recall quadrants, for lost and dormant customers only. Value is what they spent
 * in their last active year (`historicalAnnualSpend`), so a long-gone customer keeps it.
 */
export function recallLevel(lc: Lifecycle, f: Features, policy: Pick<Policy, 'recall' | 'valueTier'>): CustomerEvaluation['recall'] {
  if (lc !== 'lost' && lc !== 'dormant') return { level: null };
  const p = policy.recall;
  const recency = f.R <= p.recentMaxR ? 'recent' : f.R > p.longAboveR ? 'long' : 'middle';
  return { level: p.levels[valueTier(f.historicalAnnualSpend, policy.valueTier)][recency] };
}

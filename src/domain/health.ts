import type { CustomerEvaluation, Features } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';
import { round } from './round.js';
import { scaleScore, tierOf } from './scales.js';

/**
 * scoring.md §8. A yellow/orange/red tier opens a health warning, except for customers too new
 * for a year's pattern (`tenureDays` under the policy's minimum): their score is still shown.
 */
export function healthScore(f: Features, p: Policy['health']): CustomerEvaluation['health'] {
  const components = {
    visits: scaleScore(p.visits, f.visits365),
    spend: scaleScore(p.spend, f.spend365),
    satisfaction: f.sat5 === null ? p.satisfaction.noData : scaleScore(p.satisfaction, f.sat5),
    interaction: scaleScore(p.interaction, f.interactionsPerMonth),
    referral: scaleScore(p.referral, f.referrals365),
  };
  const w = p.weights;
  const score = round(
    w.visits * components.visits + w.spend * components.spend + w.satisfaction * components.satisfaction +
      w.interaction * components.interaction + w.referral * components.referral,
    1,
  );
  const tier = tierOf(score, p.tiers, ['green', 'blue', 'yellow', 'orange'], 'red');
  return { score, tier, components, warning: p.warning.tiers.includes(tier) && f.tenureDays >= p.warning.minTenureDays };
}

import type { Level, Lifecycle, RuleHit } from './evaluation.js';
import { levelRank, maxLevel } from './levels.js';

export interface WarningLevel {
  level: Level;
  /** The level before the observation raise, when the raise changed it. */
  raisedFrom: Level | null;
}

/**
 * scoring.md §7: the highest of the risk tier, the response level, every rule that fired and the
 * silent level; a customer under observation after a return who is not green goes to at least
 * the policy's raise level (orange).
 */
export function warningLevel(
  parts: { riskTier: Level; response: Level | null; rules: readonly RuleHit[]; silent: Level },
  lc: Lifecycle,
  observationRaise: Level,
): WarningLevel {
  let level = maxLevel(parts.riskTier, maxLevel(parts.response ?? 'green', parts.silent));
  for (const r of parts.rules) level = maxLevel(level, r.level);
  if (lc === 'observation' && level !== 'green' && levelRank[level] < levelRank[observationRaise]) {
    return { level: observationRaise, raisedFrom: level };
  }
  return { level, raisedFrom: null };
}

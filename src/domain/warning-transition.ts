import type { Level } from './evaluation.js';
import { levelRank as rank } from './levels.js';

export type WarningChange = 'opened' | 'raised' | 'lowered' | 'closed';

/**
 * What an evaluation does to the customer's warning: a customer has at most one open warning,
 * opened on leaving green, raised or lowered as the level moves, closed on return to green.
 */
export function warningTransition(open: Level | null, evaluated: Level): WarningChange | null {
  if (open === null) return evaluated === 'green' ? null : 'opened';
  if (evaluated === 'green') return 'closed';
  if (rank[evaluated] > rank[open]) return 'raised';
  if (rank[evaluated] < rank[open]) return 'lowered';
  return null;
}

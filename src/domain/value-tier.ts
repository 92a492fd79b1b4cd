import type { ValueTier } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';
import { holds } from './scales.js';

/** scoring.md §10: by annual spend (over 8000 high, 4000–8000 mid, under 4000 basic by default). */
export function valueTier(spend: number, p: Policy['valueTier']): ValueTier {
  if (holds(p.high, spend)) return 'high';
  return holds(p.mid, spend) ? 'mid' : 'basic';
}

import type { Lifecycle, ValueTier } from '../domain/evaluation.js';
import type { Audience } from './vocabulary.js';

/**
 * A customer's types for script selection, most specific first: the lifecycle situation (what the
 * call is about) before the value tier (how generous the offer is). Sold-or-moved and abandoned
 * customers both get the give-up voice.
 */
export function audiencesFor(lifecycle: Lifecycle, tier: ValueTier, warning: boolean): Audience[] {
  const situation: Audience | null =
    lifecycle === 'abandoned' || lifecycle === 'sold_or_moved'
      ? 'give_up'
      : lifecycle === 'dormant'
        ? 'dormant'
        : lifecycle === 'lost'
          ? 'lost_recall'
          : lifecycle === 'observation'
            ? 'returned'
            : warning
              ? 'active_warning'
              : null;
  return situation ? [situation, tier] : [tier];
}

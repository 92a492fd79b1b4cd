import type { Features, RBand, SignalHit } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';

/** scoring.md §4: the recency zone; bands are inclusive upper bounds, past the last is black. */
export function rBand(R: number, bands: Policy['rBands']): RBand {
  for (const band of ['green', 'yellow', 'orange', 'red'] as const) if (R <= bands[band]) return band;
  return 'black';
}

export function frequencyAnomaly(f: Features, p: Policy['anomalies']['frequency']): boolean {
  return f.visitsPrev365 >= p.minPrevVisits && f.visits365 <= f.visitsPrev365 * p.maxRatio;
}

/** A falling ticket, declined extras (signal 6 firing), or visits in the last year that paid nothing. */
export function monetaryAnomaly(f: Features, signals: readonly SignalHit[], p: Policy['anomalies']['monetary']): boolean {
  return (
    (f.ticketTrend !== null && f.ticketTrend <= p.maxTicketTrend) ||
    signals.some((s) => s.id === 'value_add_refused') ||
    (f.visits365 > 0 && f.spend365 === 0)
  );
}

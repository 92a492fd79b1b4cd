import { formatDay, parseDay } from '../../domain/dates.js';
import type { CareMoment } from '../../domain/care/care-result.js';
import type { CustomerEvaluation, Level, Lifecycle, ValueTier } from '../../domain/evaluation.js';

/** The few things of an evaluation that start or stop programs. */
export interface EvaluationView {
  /** The health warning's level (scoring.md §8): null when the tier opens none. */
  healthLevel: Level | null;
  healthScore: number;
  silentLevel: Level;
  lifecycle: Lifecycle;
  recallLevel: 1 | 2 | 3 | null;
  signals: string[];
  valueTier: ValueTier;
  /** Yellow "because of recency" (programs.md §1): R is out of the green band. */
  byRecency: boolean;
  /** The store-local day of the last visit (R days ago): `last_visit`-anchored steps count from it. */
  lastVisitDay: string;
  returnedAt: string | null;
  /** "complaint or low rating → dissatisfied" (programs.md §7), for the dormant type. */
  dissatisfied: boolean;
  /** CLV above the top-value threshold (scoring.md §11); false until a model is fitted. */
  topValue: boolean;
  /** The care moments open as of the evaluation (programs.md §13), each starting its program once. */
  care: CareMoment[];
}

const HEALTH_LEVELS = new Set(['yellow', 'orange', 'red']);

export function evaluationView(e: CustomerEvaluation, asOf: string): EvaluationView {
  const f = e.features;
  return {
    healthLevel: e.health.warning && HEALTH_LEVELS.has(e.health.tier) ? (e.health.tier as Level) : null,
    healthScore: e.health.score,
    silentLevel: e.silent.level,
    lifecycle: e.lifecycle,
    recallLevel: e.recall.level,
    signals: e.signals.map((s) => s.id).sort(),
    valueTier: e.valueTier,
    byRecency: e.rBand !== 'green',
    lastVisitDay: formatDay(parseDay(asOf) - f.R),
    returnedAt: f.returnedAt,
    dissatisfied: f.complaints365 > 0 || (f.sat5 !== null && f.sat5 <= 3) || (f.lastNps !== null && f.lastNps <= 6),
    // Records stored before predictions existed have none.
    topValue: e.prediction?.topValue === true,
    care: e.care?.moments ?? [],
  };
}

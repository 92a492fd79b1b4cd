import type { CustomerEvaluation, Level } from '../domain/evaluation.js';
import { evaluationView, type EvaluationView } from './programs/evaluation-view.js';

/**
 * One customer's evaluation as it is stored: the columns of a snapshot and of a warning, the
 * record and the reasons already JSON. Plain data, so a worker thread can hand it over.
 */
export interface Snapshot {
  customerId: string;
  storeId: string;
  level: Level;
  riskScore: number;
  healthScore: number;
  /** The warning's reasons, a JSON array. */
  reasons: string;
  /** The evaluation record, JSON. */
  record: string;
  /** What the programs react to, taken where the evaluation ran: the store thread need not parse the record again. */
  view: EvaluationView;
}

/** `asOf` is the evaluation's day, 'YYYY-MM-DD'. */
export function snapshotOf(storeId: string, evaluation: CustomerEvaluation, asOf: string): Snapshot {
  return {
    customerId: evaluation.customerId,
    storeId,
    level: evaluation.level,
    riskScore: evaluation.risk.score,
    healthScore: evaluation.health.score,
    reasons: JSON.stringify(evaluation.reasons),
    record: JSON.stringify(evaluation),
    view: evaluationView(evaluation, asOf),
  };
}

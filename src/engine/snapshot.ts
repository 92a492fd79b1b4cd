import type { CustomerEvaluation, Level } from '../domain/evaluation.js';

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
}

export function snapshotOf(storeId: string, evaluation: CustomerEvaluation): Snapshot {
  return {
    customerId: evaluation.customerId,
    storeId,
    level: evaluation.level,
    riskScore: evaluation.risk.score,
    healthScore: evaluation.health.score,
    reasons: JSON.stringify(evaluation.reasons),
    record: JSON.stringify(evaluation),
  };
}

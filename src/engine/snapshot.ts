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
  listing: Listing;
}

/** What the lists filter and rank a customer's current evaluation on (current_evaluations). */
export interface Listing {
  healthTier: string;
  valueTier: string;
  lifecycle: string;
  careTier: string | null;
  careStatus: string | null;
  recallLevel: number | null;
  churnProbability: number | null;
  /** What the risk list shows of the record beside the columns above. */
  daysSinceVisit: number;
  lastSatisfaction: number | null;
  lastNps: number | null;
  pAlive: number | null;
  clv: number | null;
  networkModel: boolean;
  signalIds: string[];
  ruleIds: string[];
  reason: string | null;
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
    listing: {
      healthTier: evaluation.health.tier,
      valueTier: evaluation.valueTier,
      lifecycle: evaluation.lifecycle,
      careTier: evaluation.care.tier,
      careStatus: evaluation.care.status,
      recallLevel: evaluation.recall.level,
      churnProbability: evaluation.prediction.churnProbability,
      daysSinceVisit: evaluation.features.R,
      lastSatisfaction: evaluation.features.lastSatisfaction,
      lastNps: evaluation.features.lastNps,
      pAlive: evaluation.prediction.pAlive,
      clv: evaluation.prediction.clv,
      networkModel: evaluation.prediction.models?.churn?.network === true,
      signalIds: evaluation.signals.map((s) => s.id),
      ruleIds: evaluation.rules.map((r) => r.id),
      reason: evaluation.reasons[0] ?? null,
    },
  };
}

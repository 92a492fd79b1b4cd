import type { CustomerEvaluation } from '../domain/evaluation.js';
import type { Db } from '../store/db.js';

export interface EvaluatedCustomer {
  storeId: string;
  evaluation: CustomerEvaluation;
}

/** Stores one snapshot per customer per day; re-evaluating the same day replaces it. */
export async function saveEvaluations(
  db: Db,
  asOf: string,
  policyVersion: string,
  evaluated: EvaluatedCustomer[],
  now: Date,
): Promise<void> {
  if (evaluated.length === 0) return;
  await db.query(
    `INSERT INTO evaluations (customer_id, as_of, store_id, policy_version, level, risk_score, health_score, record, evaluated_at)
     SELECT u.customer_id, $1::date, u.store_id, $2, u.level, u.risk, u.health, u.record::jsonb, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::text[])
            AS u(customer_id, store_id, level, risk, health, record)
     ON CONFLICT (customer_id, as_of) DO UPDATE SET
       store_id = excluded.store_id, policy_version = excluded.policy_version, level = excluded.level,
       risk_score = excluded.risk_score, health_score = excluded.health_score,
       record = excluded.record, evaluated_at = excluded.evaluated_at`,
    [
      asOf,
      policyVersion,
      now,
      evaluated.map((e) => e.evaluation.customerId),
      evaluated.map((e) => e.storeId),
      evaluated.map((e) => e.evaluation.level),
      evaluated.map((e) => e.evaluation.risk.score),
      evaluated.map((e) => e.evaluation.health.score),
      evaluated.map((e) => JSON.stringify(e.evaluation)),
    ],
  );
}

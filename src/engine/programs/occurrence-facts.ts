import type { CustomerEvaluation } from '../../domain/evaluation.js';
import type { Fact } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import type { CustomerContext } from './customer-context.js';
import { evaluationView, type EvaluationView } from './evaluation-view.js';

/** The facts steps test (`when`) and scripts name (`{valueTier}`, `{dormantType}`, `{churnReason}`). */
export function occurrenceFacts(ctx: CustomerContext, ev: EvaluationView): Record<string, Fact> {
  return {
    valueTier: ev.valueTier,
    byRecency: ev.byRecency,
    topValue: ev.topValue,
    dormantType: ctx.dormantType ?? (ev.dissatisfied ? 'dissatisfied' : 'passive'),
    ...(ctx.churnReason ? { churnReason: ctx.churnReason } : {}),
  };
}

/** The view of the customer's newest stored evaluation, for triggers that do not come from one. */
export async function latestEvaluationView(db: Db, customerId: string): Promise<EvaluationView | null> {
  const [row] = await db.query<{ as_of: string; record: CustomerEvaluation | string }>(
    'SELECT as_of, record FROM evaluations WHERE customer_id = $1 ORDER BY as_of DESC LIMIT 1', [customerId],
  );
  if (!row) return null;
  const record = typeof row.record === 'string' ? (JSON.parse(row.record) as CustomerEvaluation) : row.record;
  return evaluationView(record, row.as_of);
}

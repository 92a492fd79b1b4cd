import { mayApprove } from '../../campaigns/approve-offer.js';
import type { RequesterRole } from '../../campaigns/settings-schema.js';
import type { Db } from '../../store/db.js';
import { getCampaign } from '../../store/campaign-records.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { closeTask } from '../programs/insert-task.js';
import { committedBudget } from './campaign-budget.js';

export type DecisionResult =
  | { status: 'granted' | 'refused'; reason?: string }
  | { status: 'not_found' } | { status: 'not_pending' } | { status: 'not_allowed'; reason: string };

/**
 * A manager's answer to an approval task: approved (when the role's limit covers the offer and the
 * budget still does) or rejected; the task closes with the decision.
 */
export async function decideGrant(db: Db, grantId: number, d: { approve: boolean; staffId: string | null; role: RequesterRole; note?: string }, now: Date): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const [g] = await tx.query<{ campaign_id: string; customer_id: string; store_id: string; cost: number; status: string; approval_task_id: string | null }>(
      'SELECT campaign_id, customer_id, store_id, cost, status, approval_task_id FROM offer_grants WHERE id = $1 FOR UPDATE', [grantId],
    );
    if (!g) return { status: 'not_found' };
    if (g.status !== 'pending_approval') return { status: 'not_pending' };
    const settings = await getRetentionSettings(tx);
    if (d.approve && !mayApprove(d.role, g.cost, settings.approvalLimits)) {
      return { status: 'not_allowed', reason: `a ${d.role} may not approve an offer of ¥${g.cost}` };
    }
    let status: 'granted' | 'refused' = d.approve ? 'granted' : 'refused';
    let reason = d.approve ? null : (d.note ?? 'rejected');
    const campaign = await getCampaign(tx, g.campaign_id);
    // This grant is already inside the committed sum; approving it only fails if the sum is past the budget.
    if (status === 'granted' && campaign && (await committedBudget(tx, g.campaign_id)) > campaign.campaign.budget + 1e-9) {
      status = 'refused';
      reason = 'over_budget';
    }
    await tx.query('UPDATE offer_grants SET status = $2, decided_by = $3, decided_at = $4, reason = $5 WHERE id = $1', [grantId, status, d.staffId, now, reason]);
    if (g.approval_task_id) {
      await closeTask(tx, { id: g.approval_task_id, storeId: g.store_id, customerId: g.customer_id }, status === 'granted' ? 'approved' : 'rejected', now, { by: d.staffId });
    }
    return reason ? { status, reason } : { status };
  });
}

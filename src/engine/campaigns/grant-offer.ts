import { decideOffer } from '../../campaigns/approve-offer.js';
import { findOffer } from '../../campaigns/choose-offer.js';
import type { RequesterRole } from '../../campaigns/settings-schema.js';
import type { Db } from '../../store/db.js';
import { getCampaign } from '../../store/campaign-records.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { getOfferCatalogue } from '../../store/offer-catalogue.js';
import { loadCustomerContext } from '../programs/customer-context.js';
import { createTask } from '../programs/insert-task.js';
import { localDate } from '../programs/store-time.js';
import { committedBudget } from './campaign-budget.js';
import { campaignTriggerKey } from './campaign-runs.js';

export interface GrantRequest {
  campaignId: string;
  customerId: string;
  offerId: string;
  /** Who gives it; their role sets the approval limit. */
  staffId: string | null;
  role: RequesterRole;
}

export type GrantResult =
  | { status: 'granted'; grantId: number; cost: number; validUntil: string }
  | { status: 'pending_approval'; grantId: number; cost: number; approverRole: string; taskId: string | null }
  | { status: 'refused'; grantId: number | null; reason: string };

const APPROVAL_HOURS = 24;

/**
 * An offer for a treated member of an active campaign (issue item 2): refused past the budget,
 * granted within the giver's limit, otherwise sent to the store manager or general manager as an
 * approval task (the grant counts against the budget while it waits).
 */
export async function grantOffer(db: Db, r: GrantRequest, now: Date): Promise<GrantResult> {
  return db.transaction(async (tx) => {
    const record = await getCampaign(tx, r.campaignId, true);
    if (!record || record.status !== 'active') return { status: 'refused', grantId: null, reason: 'campaign_not_active' };
    const [member] = await tx.query<{ store_id: string }>(
      "SELECT store_id FROM campaign_members WHERE campaign_id = $1 AND customer_id = $2 AND grp = 'treated'", [r.campaignId, r.customerId],
    );
    if (!member) return { status: 'refused', grantId: null, reason: 'not_a_treated_member' };
    const offer = findOffer(await getOfferCatalogue(tx), r.offerId);
    if (!offer || !offer.active) return { status: 'refused', grantId: null, reason: 'unknown_offer' };
    const [reserved] = await tx.query<{ offer_reserved: number; grants: number }>(
      `SELECT m.offer_reserved, (SELECT count(*)::int FROM offer_grants g WHERE g.campaign_id = m.campaign_id AND g.customer_id = m.customer_id
                                   AND g.status IN ('granted', 'pending_approval')) AS grants
         FROM campaign_members m WHERE m.campaign_id = $1 AND m.customer_id = $2`, [r.campaignId, r.customerId],
    );
    // The member's reservation makes way for the first real grant.
    const release = reserved && reserved.grants === 0 ? reserved.offer_reserved : 0;
    const remaining = record.campaign.budget - ((await committedBudget(tx, r.campaignId)) - release);
    const decision = decideOffer(offer.unitCost, r.role, (await getRetentionSettings(tx)).approvalLimits, remaining);
    const ctx = await loadCustomerContext(tx, r.customerId);
    const validUntil = localDate(new Date(now.getTime() + offer.validDays * 86_400_000), ctx.timeZone);
    const status = decision.kind === 'needs_approval' ? 'pending_approval' : decision.kind;
    const [grant] = await tx.query<{ id: number }>(
      `INSERT INTO offer_grants (campaign_id, customer_id, store_id, offer_id, cost, status, requested_by, requester_role, approver_role, reason, valid_until, created_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $6 = 'pending_approval' THEN NULL ELSE $12::timestamptz END) RETURNING id`,
      [r.campaignId, r.customerId, member.store_id, offer.id, offer.unitCost, status, r.staffId, r.role,
        decision.kind === 'needs_approval' ? decision.approverRole : null, decision.kind === 'refused' ? decision.reason : null, validUntil, now],
    );
    if (decision.kind === 'refused') return { status: 'refused', grantId: grant!.id, reason: decision.reason };
    if (decision.kind === 'granted') return { status: 'granted', grantId: grant!.id, cost: offer.unitCost, validUntil };
    const task = await createTask(tx, ctx, {
      type: 'approval', role: decision.approverRole, reason: `offer:${grant!.id}`, availableAt: now,
      due: new Date(now.getTime() + APPROVAL_HOURS * 3_600_000), programId: 'campaign', stepId: 'offer_approval', stepKeys: [],
      triggerKey: campaignTriggerKey(r.campaignId), level: null,
      reasons: [`${offer.name['zh-CN']} (¥${offer.unitCost}) for ${r.customerId}, above the ${r.role}'s limit`],
      script: null, escalation: [], timing: 'wall_clock', rung: 0,
    }, now);
    if (task) await tx.query('UPDATE offer_grants SET approval_task_id = $2 WHERE id = $1', [grant!.id, task.id]);
    return { status: 'pending_approval', grantId: grant!.id, cost: offer.unitCost, approverRole: decision.approverRole, taskId: task?.id ?? null };
  });
}

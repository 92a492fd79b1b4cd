import type { PlannedMember } from '../../campaigns/plan-campaign.js';
import type { Db } from '../../store/db.js';

/**
 * Inserts the launch's members, active. The unique index on active members refuses a customer
 * another campaign took in the meantime (two launches racing): those come back as not inserted.
 */
export async function insertMembers(db: Db, campaignId: string, members: readonly PlannedMember[], now: Date): Promise<Set<string>> {
  if (members.length === 0) return new Set();
  const col = <T>(f: (m: PlannedMember) => T) => members.map(f);
  const rows = await db.query<{ customer_id: string }>(
    `INSERT INTO campaign_members (campaign_id, customer_id, store_id, advisor_id, grp, program_id, recall_level, lifecycle, value_tier, quadrant,
                                   level, churn_reason, dormant_type, historical_spend, offer_id, offer_reserved, contact_reserved, status, active, joined_at)
     SELECT $1, u.customer_id, u.store_id, u.advisor_id, u.grp, u.program_id, u.recall_level, u.lifecycle, u.value_tier, u.quadrant,
            u.level, u.churn_reason, u.dormant_type, u.historical, u.offer_id, u.offer_reserved, u.contact_reserved,
            CASE WHEN u.grp = 'treated' THEN 'open' ELSE 'held_out' END, true, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[],
                   $13::text[], $14::text[], $15::numeric[], $16::text[], $17::numeric[], $18::numeric[])
            AS u(customer_id, store_id, advisor_id, grp, program_id, recall_level, lifecycle, value_tier, quadrant, level, churn_reason,
                 dormant_type, historical, offer_id, offer_reserved, contact_reserved)
     ON CONFLICT (customer_id) WHERE active DO NOTHING
     RETURNING customer_id`,
    [
      campaignId, now,
      col((m) => m.candidate.customerId), col((m) => m.candidate.storeId), col((m) => m.candidate.advisorId), col((m) => m.group),
      col((m) => m.programId), col((m) => m.candidate.recallLevel), col((m) => m.candidate.lifecycle), col((m) => m.candidate.valueTier),
      col((m) => m.quadrant), col((m) => m.candidate.level), col((m) => m.candidate.churnReason), col((m) => m.candidate.dormantType),
      col((m) => m.candidate.historicalAnnualSpend), col((m) => m.offer?.id ?? null),
      col((m) => (m.group === 'treated' ? (m.offer?.unitCost ?? 0) : 0)), col((m) => (m.group === 'treated' ? m.reserved - (m.offer?.unitCost ?? 0) : 0)),
    ],
  );
  return new Set(rows.map((r) => r.customer_id));
}

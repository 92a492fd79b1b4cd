import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../../domain/dates.js';
import type { Db } from '../../store/db.js';
import { syncAttempts } from '../../store/campaign-attempts.js';
import { getCampaign, setCampaignStatus } from '../../store/campaign-records.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { followUpAttempts } from './follow-up-attempts.js';

export interface RunOutcome {
  campaignId: string;
  status: string;
  attemptsRecorded: number;
  recovered: number;
  gaveUp: number;
  attemptTasks: number;
}

/**
 * One pass over an active campaign (CLI `campaign run`, the API, a daily job): record the
 * attempts made since, mark who came back (a paid visit in the window after launch) and who was
 * given up on, open the attempts the policy still asks for, and finish the campaign after its
 * last day (its members are free for other campaigns then; their window still counts).
 */
export async function runCampaign(db: Db, id: string, now: Date): Promise<RunOutcome | null> {
  return db.transaction(async (tx) => {
    const record = await getCampaign(tx, id, true);
    if (!record) return null;
    const out: RunOutcome = { campaignId: id, status: record.status, attemptsRecorded: 0, recovered: 0, gaveUp: 0, attemptTasks: 0 };
    if (record.status !== 'active') return out;
    const settings = await getRetentionSettings(tx);
    out.attemptsRecorded = await syncAttempts(tx, id, settings);
    const recovered = await tx.query(
      `UPDATE campaign_members m SET recovered_at = v.at, status = CASE WHEN m.grp = 'treated' THEN 'recovered' ELSE m.status END
         FROM (SELECT m.customer_id, min(e.at) AS at FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
                 JOIN events e ON e.customer_id = m.customer_id AND e.type = 'visit' AND (e.record->>'amount')::numeric > 0
                  AND e.at > c.launched_at AND e.at <= c.launched_at + c.attribution_days * interval '1 day' AND e.at <= $2
                WHERE m.campaign_id = $1 AND m.recovered_at IS NULL GROUP BY m.customer_id) v
        WHERE m.campaign_id = $1 AND m.customer_id = v.customer_id RETURNING m.customer_id`,
      [id, now],
    );
    out.recovered = recovered.length;
    // Campaign dates are calendar days of the organisation's default zone (one campaign may span stores).
    const endOfCampaign = DateTime.fromISO(record.campaign.endsOn, { zone: DEFAULT_TIME_ZONE }).endOf('day').toJSDate();
    const over = now > endOfCampaign;
    const follow = await followUpAttempts(tx, id, settings, now, !over);
    out.gaveUp = follow.gaveUp;
    out.attemptTasks = follow.tasks;
    if (over) {
      await setCampaignStatus(tx, id, 'finished', now);
      out.status = 'finished';
    }
    return out;
  });
}

import type { RetentionSettings } from '../campaigns/settings-schema.js';
import { TASK_EVENT_PREFIX } from '../domain/task-event-id.js';
import type { Db } from './db.js';

/** Purposes of messages that are a campaign's touches (a routine maintenance reminder is not). */
export const CAMPAIGN_PURPOSES = ['recall_offer', 'wake_up', 'history_offer', 'offer', 'farewell'];

const LOCAL_MINUTE = (at: string) => `(extract(hour FROM ${at} AT TIME ZONE s.time_zone) * 60 + extract(minute FROM ${at} AT TIME ZONE s.time_zone))::int`;

/**
 * Records every attempt to reach the campaign's members (issue item 3) from where it happened:
 * call, outbound WeChat and message events (import or API) in the campaign's dates, the outbox's
 * sent messages and the closed call/WeChat tasks of the member's program since the launch — the
 * campaign's run, or the run of the same program it adopted (a task whose call was also logged
 * as an event counts once, and so does the contact event a task's own outcome appended).
 * Idempotent by source. Returns the attempts added.
 */
export async function syncAttempts(db: Db, campaignId: string, settings: RetentionSettings): Promise<number> {
  const m = settings.costs.minutes;
  const fromEvents = await db.query(
    `INSERT INTO campaign_attempts (campaign_id, customer_id, store_id, channel, automated, at, local_minute, staff_id, connected, outcome, minutes, source)
     SELECT m.campaign_id, m.customer_id, m.store_id,
            CASE e.type WHEN 'call' THEN 'call' WHEN 'wechat' THEN 'wechat' ELSE e.record->>'channel' END,
            e.type = 'message', e.at, ${LOCAL_MINUTE('e.at')}, e.record->>'staffId',
            e.type = 'call' AND (e.record->>'answered')::boolean, e.record->>'outcome',
            CASE WHEN e.type = 'message' THEN 0
                 WHEN e.record->'extra'->>'minutes' ~ '^[0-9]+(\\.[0-9]+)?$' THEN (e.record->'extra'->>'minutes')::numeric
                 WHEN e.type = 'wechat' THEN $2::numeric WHEN (e.record->>'answered')::boolean THEN $3::numeric ELSE $4::numeric END,
            'event:' || e.id
       FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id JOIN stores s ON s.id = m.store_id
       JOIN events e ON e.customer_id = m.customer_id AND e.at >= m.joined_at AND e.day <= c.ends_on
      WHERE m.campaign_id = $1 AND m.grp = 'treated' AND left(e.id, length($6)) <> $6
        AND ((e.type = 'call' AND e.record->>'direction' = 'out') OR (e.type = 'wechat' AND e.record->>'direction' = 'out')
             OR (e.type = 'message' AND e.record->>'purpose' = ANY($5::text[])))
     ON CONFLICT (source) DO NOTHING RETURNING id`,
    [campaignId, m.wechat, m.connected, m.unanswered, CAMPAIGN_PURPOSES, TASK_EVENT_PREFIX],
  );
  const fromOutbox = await db.query(
    `INSERT INTO campaign_attempts (campaign_id, customer_id, store_id, channel, automated, at, local_minute, staff_id, connected, outcome, minutes, source)
     SELECT m.campaign_id, m.customer_id, m.store_id, o.channel, true, o.sent_at, ${LOCAL_MINUTE('o.sent_at')}, NULL, false, o.purpose, 0, 'outbox:' || o.id
       FROM campaign_members m JOIN stores s ON s.id = m.store_id
       JOIN outbox_messages o ON o.customer_id = m.customer_id AND o.status = 'sent' AND o.sent_at >= m.joined_at
        AND o.step_key LIKE m.program_id || '/' || m.customer_id || '/%'
      WHERE m.campaign_id = $1 AND m.grp = 'treated'
     ON CONFLICT (source) DO NOTHING RETURNING id`,
    [campaignId],
  );
  const fromTasks = await db.query(
    `INSERT INTO campaign_attempts (campaign_id, customer_id, store_id, channel, automated, at, local_minute, staff_id, connected, outcome, minutes, source)
     SELECT m.campaign_id, m.customer_id, m.store_id, t.type, false, a.at, ${LOCAL_MINUTE('a.at')}, coalesce(t.closed_by, t.assignee_id),
            a.connected, a.outcome, CASE WHEN t.type = 'wechat' THEN $2::numeric WHEN a.connected THEN $3::numeric ELSE $4::numeric END, a.source
       FROM campaign_members m JOIN stores s ON s.id = m.store_id
       JOIN tasks t ON t.customer_id = m.customer_id AND t.type IN ('call', 'wechat')
        AND (t.trigger_key = 'campaign:' || m.campaign_id OR t.program_id = m.program_id)
       CROSS JOIN LATERAL (VALUES
         (t.closed_at, t.outcome IN ('reached', 'booked', 'refused'), t.outcome, 'task:' || t.id,
          t.status = 'closed' AND t.outcome IN ('reached', 'booked', 'refused', 'wrong_number', 'no_answer')),
         (t.last_attempt_at, false, 'no_answer', 'task:' || t.id || ':no_answer', t.last_attempt_at IS NOT NULL)) AS a(at, connected, outcome, source, applies)
      WHERE m.campaign_id = $1 AND a.applies AND a.at >= m.joined_at
        AND NOT EXISTS (SELECT 1 FROM events e WHERE e.customer_id = m.customer_id AND e.type = 'call'
                         AND e.at BETWEEN a.at - interval '30 minutes' AND a.at + interval '30 minutes')
     ON CONFLICT (source) DO NOTHING RETURNING id`,
    [campaignId, m.wechat, m.connected, m.unanswered],
  );
  await db.query(
    `UPDATE campaign_members m SET first_touch_at = a.first FROM
       (SELECT customer_id, min(at) AS first FROM campaign_attempts WHERE campaign_id = $1 GROUP BY customer_id) a
      WHERE m.campaign_id = $1 AND m.customer_id = a.customer_id AND m.first_touch_at IS DISTINCT FROM a.first`,
    [campaignId],
  );
  return fromEvents.length + fromOutbox.length + fromTasks.length;
}

export interface AttemptInput {
  customerId: string;
  channel: 'call' | 'wechat' | 'sms' | 'app' | 'email';
  at: Date;
  connected: boolean;
  outcome?: string | undefined;
  staffId?: string | undefined;
  minutes?: number | undefined;
}

/** Records one attempt reported directly (API, CLI); false when the customer is not a treated member. */
export async function recordAttempt(db: Db, campaignId: string, a: AttemptInput, settings: RetentionSettings): Promise<boolean> {
  const automated = a.channel !== 'call' && a.channel !== 'wechat';
  const m = settings.costs.minutes;
  const minutes = a.minutes ?? (automated ? 0 : a.channel === 'wechat' ? m.wechat : a.connected ? m.connected : m.unanswered);
  const rows = await db.query(
    `INSERT INTO campaign_attempts (campaign_id, customer_id, store_id, channel, automated, at, local_minute, staff_id, connected, outcome, minutes, source)
     SELECT m.campaign_id, m.customer_id, m.store_id, $3, $4, $5, ${LOCAL_MINUTE('$5::timestamptz')}, $6, $7, $8, $9,
            'api:' || nextval(pg_get_serial_sequence('campaign_attempts', 'id'))
       FROM campaign_members m JOIN stores s ON s.id = m.store_id
      WHERE m.campaign_id = $1 AND m.customer_id = $2 AND m.grp = 'treated' RETURNING id`,
    [campaignId, a.customerId, a.channel, automated, a.at, a.staffId ?? null, a.connected, a.outcome ?? null, minutes],
  );
  if (rows.length === 0) return false;
  await db.query(
    'UPDATE campaign_members SET first_touch_at = least(coalesce(first_touch_at, $3), $3) WHERE campaign_id = $1 AND customer_id = $2',
    [campaignId, a.customerId, a.at],
  );
  return true;
}

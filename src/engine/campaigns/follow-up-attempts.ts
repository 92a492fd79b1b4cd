import { mayGiveUp, nextAttempt, type Attempt } from '../../campaigns/attempts.js';
import type { RetentionSettings } from '../../campaigns/settings-schema.js';
import type { RecallLevel } from '../../campaigns/vocabulary.js';
import type { Db } from '../../store/db.js';
import { loadCustomerContexts } from '../programs/customer-context.js';
import { createTask } from '../programs/insert-task.js';
import { dateOf } from '../programs/store-time.js';
import { campaignTriggerKey } from './campaign-runs.js';

interface OpenMember {
  customer_id: string;
  program_id: string;
  recall_level: number | null;
  attempts: { channel: Attempt['channel']; localMinute: number }[] | null;
}

/** Hours an attempt task stays open before it counts as not done. */
const ATTEMPT_HOURS = 4;

/**
 * Treated members still open, with no work left in the campaign's run (or all of them once the
 * campaign is over): given up when the
 * attempts policy is met (issue item 3: level 1 after ≥ 3 attempts at different times of day
 * and through different channels), otherwise the next attempt the policy asks for becomes a
 * task on the next day at its time of day. Returns what it did.
 */
export async function followUpAttempts(db: Db, campaignId: string, settings: RetentionSettings, now: Date, mayOpenTasks: boolean) {
  const key = campaignTriggerKey(campaignId);
  const open = await db.query<OpenMember>(
    `SELECT m.customer_id, m.program_id, m.recall_level,
            (SELECT json_agg(json_build_object('channel', a.channel, 'localMinute', a.local_minute) ORDER BY a.at)
               FROM campaign_attempts a WHERE a.campaign_id = m.campaign_id AND a.customer_id = m.customer_id) AS attempts
       FROM campaign_members m
      WHERE m.campaign_id = $1 AND m.grp = 'treated' AND m.status = 'open'
        -- While the campaign runs, a member whose program still has work is not judged yet; once it is over, everyone is.
        AND (NOT $3::boolean OR (
          NOT EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = m.customer_id AND t.status = 'open'
                       AND (t.trigger_key = $2 OR t.program_id = m.program_id))
          AND NOT EXISTS (SELECT 1 FROM program_steps s JOIN program_runs r ON r.id = s.run_id
                           WHERE r.customer_id = m.customer_id AND (r.trigger_key = $2 OR r.program_id = m.program_id) AND s.status = 'pending')))
      ORDER BY m.customer_id`,
    [campaignId, key, mayOpenTasks],
  );
  const contexts = await loadCustomerContexts(db, open.map((m) => m.customer_id));
  let gaveUp = 0;
  let tasks = 0;
  for (const m of open) {
    const level = (m.recall_level ?? 3) as RecallLevel;
    const attempts = m.attempts ?? [];
    if (mayGiveUp(level, attempts, settings)) {
      await db.query("UPDATE campaign_members SET status = 'gave_up', gave_up_at = $3 WHERE campaign_id = $1 AND customer_id = $2", [campaignId, m.customer_id, now]);
      gaveUp++;
      continue;
    }
    const next = nextAttempt(level, attempts, settings);
    const ctx = contexts.get(m.customer_id);
    if (!mayOpenTasks || !next || !ctx || (next.channel !== 'call' && next.channel !== 'wechat')) continue;
    const day = new Date(now.getTime() + 86_400_000).toLocaleDateString('en-CA', { timeZone: ctx.timeZone });
    const availableAt = dateOf(`${day}T${next.at}:00`, ctx.timeZone);
    const task = await createTask(db, ctx, {
      type: next.channel, role: level === 1 ? 'service_manager' : 'advisor', reason: `${key}:attempt`, availableAt,
      due: new Date(availableAt.getTime() + ATTEMPT_HOURS * 3_600_000), programId: m.program_id, stepId: `attempt_${attempts.length + 1}`,
      stepKeys: [], triggerKey: key, level: null, reasons: [`campaign ${campaignId}: attempt ${attempts.length + 1} (${next.timeOfDay}, ${next.channel})`],
      script: null, escalation: [], timing: 'wall_clock', rung: 0,
    }, now);
    if (task) tasks++;
  }
  return { gaveUp, tasks };
}

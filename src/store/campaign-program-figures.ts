import { scopeSql, type Scope } from '../auth/scope.js';
import type { MemberOutcome } from '../campaigns/aggregate-figures.js';
import type { RetentionSettings } from '../campaigns/settings-schema.js';
import type { Db } from './db.js';

export interface ProgramOutcome extends MemberOutcome {
  programId: string;
  customerId: string;
}

interface Row {
  program_id: string; customer_id: string; grp: 'treated' | 'held_out'; connected: number; attempts: number; staff_minutes: number;
  sms: number; wechat: number; app: number; email: number; recovered: boolean; revenue: number; arrived: boolean; recalled: boolean; offers: string[] | null;
}

/**
 * The program engine's own runs against the customers its random hold-out kept out
 * (programs.md §12), outside campaigns: per run or hold-out, from its trigger on, the touches it
 * made (sent messages, closed call/WeChat tasks) and what the customer did within the window.
 */
export async function readProgramOutcomes(db: Db, scope: Scope, settings: RetentionSettings, until: Date): Promise<ProgramOutcome[]> {
  const params: unknown[] = [settings.holdOut.programs, settings.attributionDays, until, settings.costs.minutes.connected, settings.costs.minutes.unanswered, settings.costs.minutes.wechat];
  const inScope = scopeSql(scope, params, 'c');
  const rows = await db.query<Row>(
    `WITH g AS (
       SELECT 'treated' AS grp, r.program_id, r.customer_id, r.started_at AS at, r.program_id || '/' || r.customer_id || '/' || r.trigger_key || '/' AS prefix
         FROM program_runs r WHERE r.program_id = ANY($1::text[]) AND r.trigger_key NOT LIKE 'campaign:%'
       UNION ALL
       SELECT 'held_out', h.program_id, h.customer_id, h.at, NULL FROM program_holdouts h WHERE h.program_id = ANY($1::text[])),
     w AS (SELECT g.*, least(g.at + $2::int * interval '1 day', $3::timestamptz) AS until FROM g JOIN customers c ON c.id = g.customer_id WHERE ${inScope})
     SELECT w.program_id, w.customer_id, w.grp,
            coalesce(t.connected, 0) AS connected, coalesce(t.attempts, 0) + coalesce(o.sms + o.wechat + o.app + o.email, 0) AS attempts,
            coalesce(t.minutes, 0) AS staff_minutes, coalesce(o.sms, 0) AS sms, coalesce(o.wechat, 0) AS wechat, coalesce(o.app, 0) AS app, coalesce(o.email, 0) AS email,
            coalesce(v.recovered, false) AS recovered, coalesce(v.revenue, 0) AS revenue, coalesce(v.arrived, false) AS arrived,
            coalesce(v.recalled, false) AS recalled, v.offers
       FROM w
       LEFT JOIN LATERAL (SELECT count(*)::int AS attempts, count(*) FILTER (WHERE outcome IN ('reached', 'booked', 'refused'))::int AS connected,
                                 sum(CASE WHEN type = 'wechat' THEN $6::numeric WHEN outcome IN ('reached', 'booked', 'refused') THEN $4::numeric ELSE $5::numeric END) AS minutes
                            FROM tasks WHERE w.prefix IS NOT NULL AND customer_id = w.customer_id AND type IN ('call', 'wechat') AND status = 'closed'
                             AND outcome IN ('reached', 'booked', 'refused', 'no_answer', 'wrong_number') AND step_keys[1] LIKE w.prefix || '%') t ON true
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE channel = 'sms')::int AS sms, count(*) FILTER (WHERE channel = 'wechat')::int AS wechat,
                                 count(*) FILTER (WHERE channel = 'app')::int AS app, count(*) FILTER (WHERE channel = 'email')::int AS email
                            FROM outbox_messages WHERE w.prefix IS NOT NULL AND customer_id = w.customer_id AND status = 'sent' AND step_key LIKE w.prefix || '%') o ON true
       LEFT JOIN LATERAL (SELECT bool_or(e.type = 'visit' AND (e.record->>'amount')::numeric > 0) AS recovered,
                                 sum(CASE WHEN e.type = 'visit' THEN (e.record->>'amount')::numeric ELSE 0 END) AS revenue,
                                 bool_or(e.type = 'visit') AS arrived, count(*) > 0 AS recalled,
                                 json_agg(e.record->'extra'->>'offerId') FILTER (WHERE e.record->'extra'->>'offerId' IS NOT NULL) AS offers
                            FROM events e WHERE e.customer_id = w.customer_id AND e.type IN ('visit', 'appointment_booked') AND e.at > w.at AND e.at <= w.until) v ON true
      ORDER BY w.program_id, w.customer_id`,
    params,
  );
  return rows.map((r) => ({
    programId: r.program_id, customerId: r.customer_id, group: r.grp, attempts: r.attempts, connected: r.connected, staffMinutes: r.staff_minutes,
    messages: { sms: r.sms, wechat: r.wechat, app: r.app, email: r.email }, recovered: r.recovered, revenueFromLaunch: r.revenue, revenueFromTouch: r.revenue,
    arrived: r.arrived, recalled: r.recalled, redeemed: (r.offers ?? []).map((offerId) => ({ offerId, grantCost: null })),
  }));
}

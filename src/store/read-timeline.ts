import type { RetainEvent } from '../domain/records.js';
import type { Db } from './db.js';

/**
 * One line of a customer's timeline (customer 360): something the customer did (an event), work
 * opened for them (a task, with its current state), a message to them (with its delivery state),
 * or something the engine did (warnings, escalations, closings, sends).
 */
export type TimelineEntry =
  | { at: Date; source: 'event'; id: string; type: string; event: RetainEvent }
  | { at: Date; source: 'task'; id: string; type: string; role: string; assigneeId: string | null; status: string; outcome: string | null;
    due: Date | null; closedAt: Date | null; programId: string; stepId: string }
  | { at: Date; source: 'message'; id: string; channel: string; purpose: string; status: string; reason: string | null; sentAt: Date | null }
  | { at: Date; source: 'action'; id: string; kind: string; fields: Record<string, unknown> };

/**
 * The engine's log repeats what the task and message lines already say when they were created;
 * the rest (warnings, escalations, outcomes, sends, holds) it alone knows.
 */
const OWN_LINE_KINDS = ['task_created', 'message_queued'];

/** Newest first, at most `limit`, optionally before an instant; ties keep a stable order. */
export async function readTimeline(db: Db, customerId: string, limit: number, before?: Date): Promise<TimelineEntry[]> {
  const params = [customerId, before ?? null, limit];
  const cut = (col: string) => `($2::timestamptz IS NULL OR ${col} < $2)`;
  const [events, tasks, messages, actions] = await Promise.all([
    db.query<{ id: string; type: string; at: Date; record: RetainEvent }>(
      `SELECT id, type, at, record FROM events WHERE customer_id = $1 AND ${cut('at')} ORDER BY at DESC, id DESC LIMIT $3`, params),
    db.query<{ id: string; type: string; role: string; assignee_id: string | null; status: string; outcome: string | null; due: Date | null;
      closed_at: Date | null; program_id: string; step_id: string; created_at: Date }>(
      `SELECT id, type, role, assignee_id, status, outcome, due, closed_at, program_id, step_id, created_at FROM tasks
        WHERE customer_id = $1 AND ${cut('created_at')} ORDER BY created_at DESC, id DESC LIMIT $3`, params),
    db.query<{ id: number; channel: string; purpose: string; status: string; reason: string | null; sent_at: Date | null; created_at: Date }>(
      `SELECT id, channel, purpose, status, reason, sent_at, created_at FROM outbox_messages
        WHERE customer_id = $1 AND ${cut('created_at')} ORDER BY created_at DESC, id DESC LIMIT $3`, params),
    db.query<{ id: number; kind: string; at: Date; fields: Record<string, unknown> }>(
      `SELECT id, kind, at, fields FROM program_actions WHERE customer_id = $1 AND ${cut('at')} AND kind <> ALL($4::text[])
        ORDER BY at DESC, id DESC LIMIT $3`, [...params, OWN_LINE_KINDS]),
  ]);
  const all: TimelineEntry[] = [
    ...events.map((e) => ({ at: e.at, source: 'event' as const, id: e.id, type: e.type, event: e.record })),
    ...tasks.map((t) => ({
      at: t.created_at, source: 'task' as const, id: t.id, type: t.type, role: t.role, assigneeId: t.assignee_id, status: t.status,
      outcome: t.outcome, due: t.due, closedAt: t.closed_at, programId: t.program_id, stepId: t.step_id,
    })),
    ...messages.map((m) => ({
      at: m.created_at, source: 'message' as const, id: String(m.id), channel: m.channel, purpose: m.purpose, status: m.status, reason: m.reason, sentAt: m.sent_at,
    })),
    ...actions.map((a) => ({ at: a.at, source: 'action' as const, id: String(a.id), kind: a.kind, fields: a.fields })),
  ];
  // A cause before its effects at the same instant: the event, then the engine's lines.
  const rank = { event: 0, action: 1, task: 2, message: 3 } as const;
  all.sort((a, b) => b.at.getTime() - a.at.getTime() || rank[b.source] - rank[a.source]);
  return all.slice(0, limit);
}

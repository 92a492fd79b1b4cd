import { toInstant } from '../../domain/dates.js';
import type { RetainEvent } from '../../domain/records.js';
import { visitIdOf } from '../../domain/visit-id.js';
import type { ContactPolicy } from '../../outbox/contact-policy.js';
import { detectOptOut } from '../../outbox/detect-opt-out.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';
import { getActiveContactPolicy } from './active-contact-policy.js';
import { getActivePrograms } from './active-programs.js';
import { GONE, loadCustomerContexts, type CustomerContext } from './customer-context.js';
import { recordCallEvent } from './record-call-event.js';
import { startPrograms } from './start-programs.js';
import { stopRunsOn } from './stop-runs.js';

/** Events that start, stop or close something; the rest (app logins, mileage…) only feed scoring. */
const REACTIVE = ['visit', 'checkin', 'nps', 'satisfaction', 'appointment_booked', 'appointment_cancelled', 'reply', 'call', 'wechat',
  'complaint_opened', 'complaint_closed', 'social_post', 'social_resolved', 'contact_invalid', 'contact_updated'];

/**
 * How far back an arriving event still counts. An import of history must not open post-service
 * calls for last year's visits; a week covers a late feed from the DMS.
 */
export const EVENT_WINDOW_DAYS = 7;

/** The visit, complaint or post an event is about: stops bound to a subject need it to match. */
function subjectOf(e: RetainEvent): string | undefined {
  switch (e.type) {
    case 'visit': case 'checkin': return visitIdOf(e);
    case 'complaint_opened': case 'complaint_closed': return e.complaintId;
    case 'social_post': case 'social_resolved': return e.postId;
    default: return undefined;
  }
}

/** A person of the store reached out (care is kept: a care task waiting for that contact is moot). */
function isProactiveContact(e: RetainEvent): boolean {
  return (e.type === 'call' && e.direction === 'out' && e.answered) || (e.type === 'wechat' && e.direction === 'out');
}

/** Hours from the last visit before a rating to the rating (the low-rating window of programs.md §3). */
async function hoursSinceVisit(db: Db, ctx: CustomerContext, e: RetainEvent): Promise<number | undefined> {
  const [v] = await db.query<{ at: Date }>("SELECT at FROM events WHERE customer_id = $1 AND type = 'visit' AND at <= $2 ORDER BY at DESC LIMIT 1", [
    e.customerId, new Date(toInstant(e.at, ctx.timeZone)),
  ]);
  return v ? (toInstant(e.at, ctx.timeZone) - v.at.getTime()) / 3_600_000 : undefined;
}

/** One event: an opt-out recorded, runs it stops ended, a call's outcome recorded, programs it triggers started. */
async function reactToEvent(db: Db, ctx: CustomerContext, doc: ProgramDocument, words: ContactPolicy['optOut'], e: RetainEvent, now: Date): Promise<void> {
  const at = new Date(toInstant(e.at, ctx.timeZone));
  // The words of the contact policy in force decide both the recorded opt-out and the stops.
  const optOut = e.type === 'reply' ? detectOptOut(e, words) : null;
  if (e.type === 'reply' && optOut?.optOut) {
    await db.query(
      'INSERT INTO opt_outs (customer_id, channel, store_id, at, event_id, word) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (customer_id, channel) DO NOTHING',
      [e.customerId, optOut.channel, ctx.storeId, at, e.id, optOut.word],
    );
  }
  // A call's outcome goes to its task first: the contact then stops the runs it makes moot (a care
  // task the call did not name), and the task it did name keeps the outcome the caller gave.
  if (e.type === 'call' && e.staffId && e.outcome) await recordCallEvent(db, ctx, e, at);
  const subjectId = subjectOf(e);
  // A visit that names no visit stops as the hand-over of whichever visit is open (check-stop.ts).
  const stopSubjectId = e.type === 'visit' && !e.visitId ? undefined : subjectId;
  await stopRunsOn(db, ctx, {
    type: e.type, at: e.at, ...(stopSubjectId ? { subjectId: stopSubjectId } : {}), ...(e.type === 'reply' ? { text: e.text, optOut: optOut?.optOut ?? false } : {}),
    ...(isProactiveContact(e) ? { proactive: true } : {}),
  });
  if ((ctx.lifecycle !== null && GONE.has(ctx.lifecycle)) || ctx.doNotContact) return;
  const hours = e.type === 'nps' || e.type === 'satisfaction' ? await hoursSinceVisit(db, ctx, e) : undefined;
  await startPrograms(db, ctx, doc, {
    happening: { kind: 'event', event: e, ...(hours !== undefined ? { hoursSinceVisit: hours } : {}) },
    triggerKey: `event:${e.id}`, scope: 'other', at: e.at, facts: {}, ...(subjectId ? { subjectId } : {}),
  }, now);
}

/**
 * The engine's reaction to events that arrived (API, import, replay), called before the
 * customers are re-evaluated. Each event counts once: it is claimed in program_seen_events in
 * the customer's transaction, so a second process or a re-run skips it. Only events of the
 * last EVENT_WINDOW_DAYS are looked at.
 */
export async function reactToNewEvents(db: Db, customerIds: readonly string[], now: Date): Promise<void> {
  if (customerIds.length === 0) return;
  const since = new Date(now.getTime() - EVENT_WINDOW_DAYS * 86_400_000);
  const rows = await db.query<{ id: string; customer_id: string; store_id: string; record: RetainEvent }>(
    `SELECT e.id, e.customer_id, e.store_id, e.record FROM events e
      WHERE e.customer_id = ANY($1::text[]) AND e.at >= $2 AND e.type = ANY($3::text[])
        AND NOT EXISTS (SELECT 1 FROM program_seen_events s WHERE s.event_id = e.id)
      ORDER BY e.customer_id, e.at, e.id`,
    [[...new Set(customerIds)], since, REACTIVE],
  );
  if (rows.length === 0) return;
  const doc = await getActivePrograms(db);
  // Only a reply is read for opt-out words: other events need not fetch the policy.
  const words = rows.some((r) => r.record.type === 'reply') ? (await getActiveContactPolicy(db)).optOut : { words: [] };
  const byCustomer = new Map<string, typeof rows>();
  for (const r of rows) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r]);
  for (const [customerId, events] of byCustomer) {
    await db.transaction(async (tx) => {
      const claimed = new Set((await tx.query<{ event_id: string }>(
        `INSERT INTO program_seen_events (event_id, store_id, customer_id, seen_at)
         SELECT u.id, $2, $3, $4 FROM unnest($1::text[]) AS u(id) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [events.map((e) => e.id), events[0]!.store_id, customerId, now],
      )).map((r) => r.event_id));
      if (claimed.size === 0) return;
      const ctx = (await loadCustomerContexts(tx, [customerId])).get(customerId);
      if (!ctx) return;
      for (const e of events) if (claimed.has(e.id)) await reactToEvent(tx, ctx, doc, words, e.record, now);
    });
  }
}

/**
 * Marks the stored events before `before` as seen: history loaded before the engine was switched
 * on (the replay's start) is scored but starts and stops nothing.
 */
export async function markEventsSeen(db: Db, before: Date, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO program_seen_events (event_id, store_id, customer_id, seen_at)
     SELECT id, store_id, customer_id, $2 FROM events WHERE at < $1 AND at >= $3 AND type = ANY($4::text[])
     ON CONFLICT (event_id) DO NOTHING`,
    [before, now, new Date(before.getTime() - EVENT_WINDOW_DAYS * 86_400_000), REACTIVE],
  );
}

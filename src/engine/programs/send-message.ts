import type { RetainEvent } from '../../domain/records.js';
import type { Lang } from '../../domain/evaluation.js';
import type { ContactPolicy } from '../../outbox/contact-policy.js';
import type { ScriptLibrary } from '../../scripts/library-schema.js';
import { loadScriptSubject } from '../load-script-context.js';
import { contactFactsFromEvents, historyOf, recipientOf } from '../../outbox/contact-history.js';
import { decideSend } from '../../outbox/decide-send.js';
import type { MessageChannel } from '../../outbox/outbox-types.js';
import { nextRetry } from '../../outbox/retry-schedule.js';
import type { PlannedStep } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import { writeEvents } from '../../store/write-events.js';
import type { ChannelRegistry } from './channel-registry.js';
import { loadCustomerContext, type CustomerContext } from './customer-context.js';
import { recordAction } from './record-action.js';
import { renderOutbound } from './render-outbound.js';
import { factsOfStep } from './run-facts.js';
import { dateOf, isoInZone } from './store-time.js';

export interface OutboxDeps {
  channels: ChannelRegistry;
  /** The script library in force: its templates are what customers read. */
  library: ScriptLibrary;
  contactPolicy: ContactPolicy;
  lang: Lang;
}

export interface OutboxRow {
  id: number;
  customer_id: string;
  channel: MessageChannel;
  purpose: string;
  dedupe_key: string;
  step_key: string | null;
  attempts: number;
  created_at: Date;
}

const CONTACT_EVENTS = ['message', 'call', 'reply', 'contact_invalid', 'contact_updated', 'abandoned', 'vehicle_sold', 'moved_away'];

async function decide(db: Db, ctx: CustomerContext, m: OutboxRow, now: Date, policy: ContactPolicy) {
  const events = await db.query<{ record: RetainEvent }>('SELECT record FROM events WHERE customer_id = $1 AND type = ANY($2::text[]) AND at <= $3', [
    m.customer_id, CONTACT_EVENTS, now,
  ]);
  const facts = contactFactsFromEvents(events.map((e) => e.record), ctx.timeZone, policy);
  for (const o of await db.query<{ channel: MessageChannel }>('SELECT channel FROM opt_outs WHERE customer_id = $1', [m.customer_id])) facts.optedOut.add(o.channel);
  const recipient = recipientOf(ctx.customer, facts, { lifecycle: ctx.lifecycle ?? 'active', doNotContact: ctx.doNotContact });
  const sent = await db.query<{ dedupe_key: string }>("SELECT dedupe_key FROM outbox_messages WHERE customer_id = $1 AND status = 'sent' AND id <> $2", [m.customer_id, m.id]);
  return decideSend({
    message: { customerId: m.customer_id, channel: m.channel, purpose: m.purpose, dedupeKey: m.dedupe_key, createdAt: m.created_at.getTime() },
    recipient, history: historyOf(facts, new Set(sent.map((s) => s.dedupe_key))), timeZone: ctx.timeZone, now: now.getTime(), policy,
  });
}

/** After a send, the response window counts from the touch itself ("48 h after the first touch"). */
async function restartWatch(db: Db, ctx: CustomerContext, stepKey: string | null, now: Date): Promise<void> {
  if (stepKey === null) return;
  const [s] = await db.query<{ planned: PlannedStep }>('SELECT planned FROM program_steps WHERE key = $1 AND watch_until IS NOT NULL', [stepKey]);
  if (!s?.planned.deadline) return;
  const window = dateOf(s.planned.deadline, ctx.timeZone).getTime() - dateOf(s.planned.due, ctx.timeZone).getTime();
  await db.query('UPDATE program_steps SET watch_until = $2 WHERE key = $1', [stepKey, new Date(now.getTime() + window)]);
}

/**
 * One outbox message whose time has come (row locked by the caller): the contact rules decide
 * (programs.md §10), then it is sent through the channel's adapter, held until the rules allow,
 * or blocked; a rendering that still misses a field is held for a person instead of sent. A
 * delivery the gateway may accept later is retried with back-off, one it refused fails. A sent
 * message is also appended to the event log as a `message` event, so the frequency cap, the
 * farewell-once rule and scoring see it like any other touch. The adapter is
 * called inside the transaction; a crash before commit resends with the same dedupe key, which
 * gateways receive as their idempotency key.
 */
export async function sendMessage(db: Db, m: OutboxRow, now: Date, deps: OutboxDeps): Promise<void> {
  const ctx = await loadCustomerContext(db, m.customer_id);
  const owner = { storeId: ctx.storeId, customerId: ctx.customer.id };
  const base = { channel: m.channel, purpose: m.purpose };
  const d = await decide(db, ctx, m, now, deps.contactPolicy);
  if (d.action === 'block') {
    await db.query("UPDATE outbox_messages SET status = 'blocked', reason = $2, detail = $3, next_attempt_at = NULL, updated_at = $4 WHERE id = $1", [m.id, d.reason, d.detail, now]);
    await recordAction(db, now, owner, { kind: 'message_blocked', ...base, reason: d.reason });
    return;
  }
  if (d.action === 'hold') {
    const until = new Date(d.until);
    await db.query("UPDATE outbox_messages SET status = 'held', reason = $2, detail = $3, hold_until = $4, next_attempt_at = $4, updated_at = $5 WHERE id = $1", [m.id, d.reason, d.detail, until, now]);
    await recordAction(db, now, owner, { kind: 'message_held', ...base, reason: d.reason, until: isoInZone(until, ctx.timeZone) });
    return;
  }
  // The same fields a person's script is filled from, so a message names the mileage, the due
  // maintenance, the last visit and the offer rather than leaving them to fill; and the store's links.
  const subject = await loadScriptSubject(db, m.customer_id, now, null, await factsOfStep(db, m.step_key));
  const out = renderOutbound(ctx, { id: m.id, dedupeKey: m.dedupe_key, channel: m.channel, purpose: m.purpose }, subject, deps.library, deps.lang);
  if (out.action === 'hold') {
    // Time will not fill the field: no next attempt, a person fixes the data or the template. Not
    // a §14 `message_held` action, whose reasons are a closed list; the row and the timeline show it.
    await db.query(
      "UPDATE outbox_messages SET status = 'held', reason = $2, detail = $3, hold_until = NULL, next_attempt_at = NULL, updated_at = $4 WHERE id = $1",
      [m.id, out.hold.reason, out.hold.detail, now],
    );
    return;
  }
  const result = await deps.channels.channelFor(m.channel).send(out.message);
  const attempts = m.attempts + 1;
  if (result.status === 'delivered') {
    await db.query(
      `UPDATE outbox_messages SET status = 'sent', reason = NULL, detail = $2, delivery_status = 'delivered', provider_id = $3, attempts = $4,
              sent_at = $5, next_attempt_at = NULL, updated_at = $5 WHERE id = $1`,
      [m.id, result.detail, result.providerId ?? null, attempts, now],
    );
    await writeEvents(db, [{ id: `retain-outbox-${m.id}`, customerId: m.customer_id, type: 'message', at: isoInZone(now, ctx.timeZone), channel: m.channel, purpose: m.purpose }]);
    await restartWatch(db, ctx, m.step_key, now);
    await recordAction(db, now, owner, { kind: 'message_sent', ...base });
    return;
  }
  if (result.status === 'retry') {
    const retry = nextRetry(attempts, now.getTime(), deps.contactPolicy.retry);
    if (retry.action === 'retry') {
      await db.query(
        "UPDATE outbox_messages SET status = 'queued', reason = NULL, delivery_status = 'retry', detail = $2, attempts = $3, next_attempt_at = $4, updated_at = $5 WHERE id = $1",
        [m.id, result.detail, attempts, new Date(retry.at), now],
      );
      return;
    }
    await failed(db, m.id, 'retries_exhausted', result.status, `${result.detail}; ${retry.detail}`, attempts, now);
    return;
  }
  // The gateway refused it (a 4xx, a bad address): asking again would be refused the same way.
  await failed(db, m.id, 'rejected', result.status, result.detail, attempts, now);
}

async function failed(db: Db, id: number, reason: 'rejected' | 'retries_exhausted', delivery: string, detail: string, attempts: number, now: Date) {
  await db.query(
    "UPDATE outbox_messages SET status = 'failed', reason = $2, delivery_status = $3, detail = $4, attempts = $5, next_attempt_at = NULL, updated_at = $6 WHERE id = $1",
    [id, reason, delivery, detail, attempts, now],
  );
}

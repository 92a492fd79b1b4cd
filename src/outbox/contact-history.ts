import { toInstant } from '../domain/dates.js';
import type { Customer, RetainEvent } from '../domain/records.js';
import type { ContactPolicy } from './contact-policy.js';
import { detectOptOut } from './detect-opt-out.js';
import type { ContactHistory, Instant, MessageChannel, Recipient } from './outbox-types.js';
import type { Lifecycle } from '../domain/evaluation.js';

/** What a customer's events say about contacting them (data-format.md events). */
export interface ContactFacts {
  /** `message` events: automated touches already made. */
  automatedTouches: Instant[];
  /** `call` events, either direction, answered or not: a person was in touch that day. */
  humanCalls: Instant[];
  /** A `farewell` message after the latest give-up (`abandoned`, `vehicle_sold`, `moved_away`). */
  farewellSent: boolean;
  /** Channels on which a reply was an opt-out. */
  optedOut: Set<MessageChannel>;
  /** Channels whose contact detail bounced (`contact_invalid`) with no `contact_updated` since. */
  invalid: Set<MessageChannel>;
}

const GIVE_UP = new Set(['abandoned', 'vehicle_sold', 'moved_away']);

/** Reads the contact facts from events in any order; timestamps become instants in `zone`. */
export function contactFactsFromEvents(
  events: readonly RetainEvent[],
  zone: string,
  policy: Pick<ContactPolicy, 'optOut' | 'lifecycle'>,
): ContactFacts {
  const timed = events.map((e) => ({ e, at: toInstant(e.at, zone) })).sort((a, b) => a.at - b.at);
  const facts: ContactFacts = { automatedTouches: [], humanCalls: [], farewellSent: false, optedOut: new Set(), invalid: new Set() };
  for (const { e, at } of timed) {
    if (GIVE_UP.has(e.type)) facts.farewellSent = false;
    else if (e.type === 'message') {
      facts.automatedTouches.push(at);
      if (e.purpose === policy.lifecycle.farewellPurpose) facts.farewellSent = true;
    } else if (e.type === 'call') facts.humanCalls.push(at);
    else if (e.type === 'reply') {
      if (detectOptOut(e, policy.optOut).optOut) facts.optedOut.add(e.channel);
    } else if (e.type === 'contact_invalid') {
      // The number bounced: SMS to it fails whether the call or the text found out.
      facts.invalid.add('sms');
    } else if (e.type === 'contact_updated') facts.invalid.clear();
  }
  return facts;
}

/**
 * The outbox's view of a customer: consent from the record minus opt-out replies, reachability
 * from the contact details on file minus bounced ones. Lifecycle comes from the evaluation and
 * do-not-contact from whoever keeps it (a give-up "refuses contact", a manager's flag).
 */
export function recipientOf(
  customer: Customer,
  facts: Pick<ContactFacts, 'optedOut' | 'invalid'>,
  state: { lifecycle: Lifecycle; doNotContact: boolean },
): Recipient {
  const has = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';
  const consent = { sms: customer.consent.sms, wechat: customer.consent.wechat, app: customer.consent.app, email: customer.consent.email };
  const reachable = { sms: has(customer.phone), wechat: has(customer.wechat), app: customer.hasApp, email: has(customer.email) };
  for (const ch of facts.optedOut) consent[ch] = false;
  for (const ch of facts.invalid) reachable[ch] = false;
  return { customerId: customer.id, consent, reachable, doNotContact: state.doNotContact, lifecycle: state.lifecycle };
}

/** The history `decideSend` needs, from the facts plus the keys the outbox has already sent. */
export function historyOf(facts: ContactFacts, sentKeys: ReadonlySet<string>): ContactHistory {
  return { automatedTouches: facts.automatedTouches, humanCalls: facts.humanCalls, sentKeys, farewellSent: facts.farewellSent };
}

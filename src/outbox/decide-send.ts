import type { ContactPolicy } from './contact-policy.js';
import { frequencyCapHold } from './frequency-cap.js';
import type { ContactHistory, HoldReason, Instant, OutboxMessage, Recipient, SendDecision } from './outbox-types.js';
import { quietHoursEnd } from './quiet-hours.js';

export interface DecideSendInput {
  message: OutboxMessage;
  recipient: Recipient;
  history: ContactHistory;
  /** The store's IANA time zone: quiet hours and call days are store-local. */
  timeZone: string;
  now: Instant;
  policy: ContactPolicy;
}

/**
 * Whether an automated message may go out now (programs.md §10). Pure: same input, same answer,
 * which is what lets the replay of §14 show what the outbox would have done.
 *
 * Checks, first failing one wins:
 * 1. duplicate — the key was sent already; first, so a re-run never sends twice whatever else changed;
 * 2. do_not_contact — the customer asked for no contact at all;
 * 3. no_consent — no consent for this channel, or no usable contact detail on it;
 * 4. lifecycle — abandoned / sold-or-moved customers get nothing but one farewell;
 * 5. quiet_hours — wait for the store's morning;
 * 6. frequency_cap — a person called today, or the automated-touch cap is full.
 * 1–4 block (waiting would not change them); 5–6 hold: the message waits until `until`.
 */
export function decideSend(input: DecideSendInput): SendDecision {
  const { message, recipient, history, policy } = input;
  if (message.customerId !== recipient.customerId) {
    throw new Error(`message for ${message.customerId} decided against customer ${recipient.customerId}`);
  }
  if (history.sentKeys.has(message.dedupeKey)) {
    return { action: 'block', reason: 'duplicate', detail: `already sent: ${message.dedupeKey}` };
  }
  if (recipient.doNotContact) return { action: 'block', reason: 'do_not_contact', detail: 'the customer asked not to be contacted' };
  if (!recipient.consent[message.channel]) {
    return { action: 'block', reason: 'no_consent', detail: `no consent for ${message.channel}` };
  }
  // No number or address is "cannot be reached on this channel", which the §14 contract files
  // under no_consent rather than inventing a seventh reason.
  if (!recipient.reachable[message.channel]) {
    return { action: 'block', reason: 'no_consent', detail: `no usable ${message.channel} contact on file` };
  }
  const lifecycleBlock = checkLifecycle(message, recipient, history, policy.lifecycle);
  if (lifecycleBlock) return lifecycleBlock;
  return holdOrSend(input);
}

function checkLifecycle(
  message: OutboxMessage,
  recipient: Recipient,
  history: ContactHistory,
  rules: ContactPolicy['lifecycle'],
): SendDecision | null {
  if (!rules.noOutreach.includes(recipient.lifecycle)) return null;
  if (message.purpose === rules.farewellPurpose && !history.farewellSent) return null;
  const detail = message.purpose === rules.farewellPurpose
    ? 'the farewell was already sent'
    : `no outreach to a customer who is ${recipient.lifecycle}`;
  return { action: 'block', reason: 'lifecycle', detail };
}

type Hold = { until: Instant; reason: HoldReason; detail: string };

/** The first time-based rule that stops a send at `at`, if any. */
function holdAt(at: Instant, input: DecideSendInput): Hold | null {
  const { policy, timeZone, history, message } = input;
  const quietEnd = quietHoursEnd(at, timeZone, policy.quietHours);
  if (quietEnd !== null) {
    return { until: quietEnd, reason: 'quiet_hours', detail: `quiet hours ${policy.quietHours.start}–${policy.quietHours.end}` };
  }
  if (policy.frequencyCap.exemptPurposes.includes(message.purpose)) return null;
  const cap = frequencyCapHold(at, timeZone, history.automatedTouches, history.humanCalls, policy.frequencyCap);
  return cap && { ...cap, reason: 'frequency_cap' };
}

/**
 * Send, or hold until the first instant at which every time rule passes — so a message held by
 * the cap until 23:00 says 09:00 the next morning, not 23:00. The reason is the rule that fails
 * now. Each step moves strictly forward and the rules cannot all stay shut (quiet hours leave
 * part of the day open, the cap is at least 1), so a few steps always suffice.
 */
function holdOrSend(input: DecideSendInput): SendDecision {
  const first = holdAt(input.now, input);
  if (!first) return { action: 'send' };
  let until = first.until;
  for (let step = 0; step < 32; step++) {
    const next = holdAt(until, input);
    if (!next) return { action: 'hold', until, reason: first.reason, detail: first.detail };
    until = next.until;
  }
  throw new Error('contact rules never open: check the contact policy');
}

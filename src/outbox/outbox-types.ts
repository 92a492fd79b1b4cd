import type { Lifecycle } from '../domain/evaluation.js';

/** The channels an automated message can use (a phone call is always a person: not here). */
export const messageChannels = ['sms', 'wechat', 'app', 'email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** Instants are milliseconds since the epoch, as `toInstant` in domain/dates.ts gives them. */
export type Instant = number;

/** A message a program wants to send, as the outbox receives it. */
export interface OutboxMessage {
  customerId: string;
  channel: MessageChannel;
  /** `maintenance_reminder`, `care`, `offer`, `survey`, `farewell`, … (data-format.md `message`). */
  purpose: string;
  /** Stable per trigger and step, so re-running a program or a worker never sends twice. */
  dedupeKey: string;
  /** When it was queued; kept for the record, the decision does not depend on it. */
  createdAt: Instant;
}

/** What the outbox needs to know about the customer, whatever store it was read from. */
export interface Recipient {
  customerId: string;
  /** Consent per channel (data-format.md `consent`); an opt-out reply turns one off. */
  consent: Record<MessageChannel, boolean>;
  /** Contact details on file and usable for the channel (a number, a WeChat id, the app, an address). */
  reachable: Record<MessageChannel, boolean>;
  /** The customer asked not to be contacted at all (any channel, any purpose). */
  doNotContact: boolean;
  lifecycle: Lifecycle;
}

/** The customer's contact history the rules look at. */
export interface ContactHistory {
  /** Automated messages already sent (instants); older than the cap window may be left out. */
  automatedTouches: readonly Instant[];
  /** Calls by a person, either direction (instants); only the current local day matters. */
  humanCalls: readonly Instant[];
  /** Dedupe keys of messages already sent or in flight (not the key of the message being decided). */
  sentKeys: ReadonlySet<string>;
  /** A farewell was already sent since the customer's current give-up. */
  farewellSent: boolean;
}

export type HoldReason = 'quiet_hours' | 'frequency_cap';
export type BlockReason = 'no_consent' | 'do_not_contact' | 'lifecycle' | 'duplicate';

/**
 * The outbox's verdict. `reason` values are the programs.md §14 contract; `detail` is for people
 * (the log, the task view) and may change wording at any time.
 */
export type SendDecision =
  | { action: 'send' }
  | { action: 'hold'; until: Instant; reason: HoldReason; detail: string }
  | { action: 'block'; reason: BlockReason; detail: string };

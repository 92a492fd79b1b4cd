import type { MessageChannel } from '../outbox/outbox-types.js';

/** A message ready to leave Retain: the outbox has said `send` and the template is rendered. */
export interface OutboundMessage {
  /** The outbox's dedupe key; gateways get it as an idempotency key so a retry is never sent twice. */
  dedupeKey: string;
  customerId: string;
  channel: MessageChannel;
  purpose: string;
  /** The address on the channel: a phone number, a WeChat openid, an app user id, an e-mail address. */
  to: string;
  /** E-mail subject or push title; SMS and WeChat text ignore it. */
  subject?: string;
  body: string;
}

/**
 * How one delivery attempt went. `retry`: worth trying again later (the outbox's back-off decides
 * when); `failed`: trying again would fail the same way. Adapters never throw for a delivery
 * problem: every outcome is one of these.
 */
export interface SendResult {
  status: 'delivered' | 'retry' | 'failed';
  detail: string;
  /** The gateway's or mail server's id for the message, when it gave one. */
  providerId?: string;
}

export interface Channel {
  /** `log`, `webhook`, `smtp`: for the delivery record. */
  readonly name: string;
  send(message: OutboundMessage): Promise<SendResult>;
}

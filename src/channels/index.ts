/** Channel adapters for the outbox (programs.md §10): log for the demo, webhook, SMTP. */
export type { Channel, OutboundMessage, SendResult } from './channel.js';
export { createLogChannel, type LogChannel } from './log-channel.js';
export { createWebhookChannel, webhookConfigSchema, type WebhookConfig, type WebhookPayload } from './webhook-channel.js';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook, verifyWebhook, type VerifyInput } from './webhook-signature.js';
export { createSmtpChannel, smtpConfigSchema, type SmtpChannel, type SmtpConfig } from './smtp-channel.js';

import { z } from 'zod';
import { createLogChannel, createSmtpChannel, createWebhookChannel, smtpConfigSchema, webhookConfigSchema } from '../channels/index.js';
import { channelRegistry, type ChannelRegistry } from '../engine/programs/index.js';
import { UsageError } from './context.js';

export interface ChannelOptions {
  webhookUrl?: string;
  webhookSecret?: string;
  smtpHost?: string;
  smtpPort?: number;
  mailFrom?: string;
}

function parsed<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new UsageError(`${what}: ${issue.path.join('.') || 'value'} ${issue.message}`);
}

/**
 * The adapters the options name: SMS, WeChat and app push through the webhook gateway, e-mail
 * through SMTP, anything not configured to the log (it is written, never delivered).
 */
export function channelsFromOptions(o: ChannelOptions, write: (line: string) => void): ChannelRegistry {
  const log = createLogChannel({ write });
  const byChannel: Parameters<typeof channelRegistry>[1] = {};
  if (o.webhookUrl !== undefined || o.webhookSecret !== undefined) {
    const webhook = createWebhookChannel(parsed(webhookConfigSchema, { url: o.webhookUrl, secret: o.webhookSecret }, '--webhook-url/--webhook-secret'));
    Object.assign(byChannel, { sms: webhook, wechat: webhook, app: webhook });
  }
  if (o.smtpHost !== undefined || o.mailFrom !== undefined) {
    byChannel.email = createSmtpChannel(parsed(smtpConfigSchema, { host: o.smtpHost, port: o.smtpPort, from: o.mailFrom }, '--smtp-host/--mail-from'));
  }
  return channelRegistry(log, byChannel);
}

import type { OutboundMessage } from '../../channels/channel.js';
import { renderTemplate } from '../../scripts/render-script.js';
import type { ScriptLibrary } from '../../scripts/library-schema.js';
import type { ScriptContext } from '../../scripts/render.js';
import { selectTemplate } from '../../scripts/select-template.js';
import type { Lang, Purpose } from '../../scripts/vocabulary.js';
import type { MessageChannel } from '../../outbox/outbox-types.js';
import type { CustomerContext } from './customer-context.js';

/** Program purposes are finer than the library's: each reads as the nearest library template. */
const LIBRARY_PURPOSE: Record<string, Purpose> = {
  care: 'care', care_offer: 'offer', offer: 'offer', history_offer: 'offer', recall_offer: 'offer', reminder: 'maintenance_reminder',
  maintenance_reminder: 'maintenance_reminder', wake_up: 'wake_up', farewell: 'farewell', rating_request: 'survey', survey: 'survey',
  contact_update: 'care', birthday: 'birthday', anniversary: 'anniversary', return_welcome: 'return_welcome',
};

function addressOf(ctx: CustomerContext, channel: MessageChannel): string {
  const c = ctx.customer;
  switch (channel) {
    case 'sms': return c.phone ?? '';
    case 'wechat': return c.wechat ?? '';
    case 'app': return c.id;
    case 'email': return c.email ?? '';
  }
}

/**
 * The message as it leaves: the library's template for the channel and purpose, filled from
 * `fields` (the customer's name, advisor, mileage, due maintenance, last visit, offer…).
 */
export function renderOutbound(
  ctx: CustomerContext, m: { id: number; dedupeKey: string; channel: MessageChannel; purpose: string }, fields: ScriptContext,
  library: ScriptLibrary, lang: Lang = 'zh-CN',
): OutboundMessage {
  const template = selectTemplate(library, m.channel, LIBRARY_PURPOSE[m.purpose] ?? 'care');
  const rendered = template ? renderTemplate(template, fields, lang) : null;
  return {
    dedupeKey: m.dedupeKey, customerId: ctx.customer.id, channel: m.channel, purpose: m.purpose, to: addressOf(ctx, m.channel),
    ...(rendered?.subject ? { subject: rendered.subject } : {}),
    body: rendered?.body ?? m.purpose,
  };
}

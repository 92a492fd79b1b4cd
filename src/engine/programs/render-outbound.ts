import type { OutboundMessage } from '../../channels/channel.js';
import type { ScriptLibrary } from '../../scripts/library-schema.js';
import { linkFor } from '../../scripts/message-links.js';
import { selectTemplate } from '../../scripts/select-template.js';
import type { Lang, Purpose } from '../../scripts/vocabulary.js';
import type { MessageChannel } from '../../outbox/outbox-types.js';
import type { ScriptSubject } from '../load-script-context.js';
import type { CustomerContext } from './customer-context.js';

/** Program purposes are finer than the library's: each reads as the nearest library template. */
const LIBRARY_PURPOSE: Record<string, Purpose> = {
  care: 'care', care_offer: 'offer', offer: 'offer', history_offer: 'offer', recall_offer: 'offer', reminder: 'maintenance_reminder',
  maintenance_reminder: 'maintenance_reminder', wake_up: 'wake_up', farewell: 'farewell', rating_request: 'survey', survey: 'survey',
  contact_update: 'care', birthday: 'birthday', anniversary: 'anniversary', return_welcome: 'return_welcome',
  holiday: 'holiday', milestone: 'milestone', first_service: 'first_service', warranty: 'warranty', software_update: 'software_update', weather: 'weather',
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

/** Why an automated message cannot leave as rendered: it waits in the outbox for a person. */
export interface OutboundHold {
  /** `missing_field:offer,offerDeadline` or `no_template`: short enough for the timeline, naming what to fix. */
  reason: string;
  detail: string;
}

export type Outbound = { action: 'send'; message: OutboundMessage } | { action: 'hold'; hold: OutboundHold };

/**
 * The message as it leaves: the library's template for the channel and purpose, filled from the
 * customer's fields (name, advisor, mileage, due maintenance, last visit, offer…) and the store's
 * link for the purpose. The first template whose fields are all known is used, the variant the
 * data asks for first (no offer → `no_offer`, no mileage → `no_mileage`). A placeholder is right in
 * a script a person reads and edits, never in a message a customer receives: when no template can
 * be filled, or the library has none for the purpose, the message is held naming what is missing.
 */
export function renderOutbound(
  ctx: CustomerContext, m: { id: number; dedupeKey: string; channel: MessageChannel; purpose: string },
  subject: Pick<ScriptSubject, 'context' | 'links'>, library: ScriptLibrary, lang: Lang = 'zh-CN',
): Outbound {
  const purpose = LIBRARY_PURPOSE[m.purpose] ?? 'care';
  const fields = { ...subject.context, link: linkFor(purpose, subject.links) };
  const choice = selectTemplate(library, m.channel, purpose, fields, lang);
  if (!choice) {
    return { action: 'hold', hold: { reason: 'no_template', detail: `the script library ${library.version} has no ${m.channel} template for ${purpose}` } };
  }
  const { template, rendered } = choice;
  if (rendered.missing.length > 0) {
    const hold = { reason: `missing_field:${rendered.missing.join(',')}`, detail: `template ${template.id} has no value for ${rendered.missing.join(', ')}` };
    return { action: 'hold', hold };
  }
  const message: OutboundMessage = {
    dedupeKey: m.dedupeKey, customerId: ctx.customer.id, channel: m.channel, purpose: m.purpose, to: addressOf(ctx, m.channel),
    ...(rendered.subject ? { subject: rendered.subject } : {}),
    body: rendered.body,
  };
  return { action: 'send', message };
}

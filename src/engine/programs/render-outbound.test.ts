import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import type { MessageLinks } from '../../campaigns/settings-schema.js';
import { defaultLibrary } from '../../scripts/default-library.js';
import type { ScriptLibrary } from '../../scripts/library-schema.js';
import type { ScriptContext } from '../../scripts/render.js';
import type { MessageChannel } from '../../outbox/outbox-types.js';
import type { Db } from '../../store/db.js';
import { loadScriptSubject } from '../load-script-context.js';
import { loadCustomerContext } from './customer-context.js';
import { renderOutbound, type Outbound } from './render-outbound.js';
import { loadFixture, writeProgramFixture } from './testing/program-fixture.js';

const now = new Date('2024-04-05T10:00:00+08:00');
const LEFTOVER = /待填写|to fill|undefined|\{\{/;
const SURVEY = 'https://retain.example/r/survey';
const BOOKING = 'https://retain.example/r/book';

interface Options { channel?: MessageChannel; lang?: 'zh-CN' | 'en'; library?: ScriptLibrary; fields?: ScriptContext; links?: Partial<MessageLinks> }

/** c1 came on 5 March; `mileage` on that visit or not. The store's links are unset unless given. */
async function customer(db: Db, mileage?: number) {
  const visit = { id: 'v-1', customerId: 'c1', type: 'visit', at: '2024-03-05T10:00:00+08:00', visitId: 'visit-1', kind: 'maintenance', amount: 680, ...(mileage ? { mileage } : {}) };
  await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [visit]));
  const subject = await loadScriptSubject(db, 'c1', now);
  const ctx = await loadCustomerContext(db, 'c1');
  return (purpose: string, o: Options = {}) => renderOutbound(
    ctx, { id: 1, dedupeKey: 'k', channel: o.channel ?? 'sms', purpose },
    { context: { ...subject.context, ...o.fields }, links: { ...subject.links, ...o.links } }, o.library ?? defaultLibrary(), o.lang,
  );
}

function sent(out: Outbound) {
  if (out.action !== 'send') throw new Error(`expected a message to send, got a hold: ${out.hold.reason}`);
  return out.message;
}

describeEachDatabase('an automated message as it leaves', (t) => {
  it('is filled from the customer\'s own data, as a person\'s script is: mileage from the last visit', async () => {
    const render = await customer(await t.open(), 12345);
    const out = sent(render('care'));
    expect(out.body).toBe('【上海浦东服务中心】客户c1您好，近期用车还顺心吗？您的车已行驶12,345公里，如有任何异常，请随时联系顾问李明。回复TD退订');
    expect(out.to).toBe('13812341234');
  });

  it('with no mileage reading, the care and wake-up texts that do without it, in either language', async () => {
    const render = await customer(await t.open());
    expect(sent(render('care')).body).toBe('【上海浦东服务中心】客户c1您好，近期用车还顺心吗？如有任何异常或需要检查，请随时联系顾问李明。回复TD退订');
    expect(sent(render('care', { lang: 'en' })).body).toBe(
      'Hi 客户c1, how is the car? If anything seems off or it is due a check, your advisor 李明 is here to help. – 上海浦东服务中心. Reply TD to opt out',
    );
    expect(sent(render('wake_up')).body).toBe('【上海浦东服务中心】客户c1您好，已有31天没见到您，爱车近况还好吗？欢迎预约免费检测，李明随时为您服务。回复TD退订');
    expect(sent(render('care', { channel: 'app' }))).toMatchObject({ subject: '用车关怀', body: '客户c1，最近用车还好吗？有任何异常请随时联系顾问李明。' });
  });

  it('a care offer with no offer for the customer is the no-offer variant, in either language', async () => {
    const render = await customer(await t.open());
    const zh = sent(render('care_offer'));
    expect(zh.body).toBe('【上海浦东服务中心】客户c1您好，好久不见，爱车近况还好吗？如需保养或检查，回复1即可预约，顾问李明为您安排。回复TD退订');
    const en = sent(render('care_offer', { lang: 'en' }));
    expect(en.body).toBe('Hi 客户c1, it has been a while. How is the car? If it needs a service or a check, reply 1 to book and 李明 will arrange it. – 上海浦东服务中心. Reply TD to opt out');
  });

  it('with an offer the offer template names it and its deadline', async () => {
    const render = await customer(await t.open());
    const out = sent(render('care_offer', { fields: { offer: '¥50保养代金券', offerDeadline: '4月30日' } }));
    expect(out.body).toBe('【上海浦东服务中心】客户c1您好，为您准备了¥50保养代金券，4月30日前有效，回复1即可预约，顾问李明为您安排。回复TD退订');
  });

  it('a rating request carries the store\'s survey link', async () => {
    const render = await customer(await t.open());
    const out = sent(render('rating_request', { links: { survey: SURVEY, booking: BOOKING } }));
    expect(out.body).toBe(`【上海浦东服务中心】客户c1您好，感谢您3月5日到店，请花1分钟为本次服务打分：${SURVEY} 您的每条意见我们都会看。回复TD退订`);
    expect(sent(render('rating_request', { channel: 'wechat', links: { survey: SURVEY } })).body).toContain(`：${SURVEY}。`);
  });

  it('the link follows the purpose: the booking page for a visit invitation, none for a farewell', async () => {
    const render = await customer(await t.open(), 12345);
    const shipped = defaultLibrary();
    const linked = { ...shipped, templates: shipped.templates.map((x) => (x.channel === 'sms' ? { ...x, body: { 'zh-CN': `${x.body['zh-CN']} {{link}}`, en: `${x.body.en} {{link}}` } } : x)) };
    const links = { survey: SURVEY, booking: BOOKING };
    const linkOf = (purpose: string) => sent(render(purpose, { library: linked, links })).body.split(' ').at(-1);
    expect(linkOf('care')).toBe(BOOKING);
    expect(linkOf('wake_up')).toBe(BOOKING);
    expect(linkOf('care_offer')).toBe(BOOKING);
    expect(linkOf('survey')).toBe(SURVEY);
    expect(render('farewell', { library: linked, links })).toEqual({
      action: 'hold', hold: { reason: 'missing_field:link', detail: 'template sms.farewell has no value for link' },
    });
  });

  it('a field no template can do without is a hold naming it, never a message with a placeholder', async () => {
    const render = await customer(await t.open());
    // The store has not set its survey link: every rating request waits for it.
    expect(render('rating_request')).toEqual({ action: 'hold', hold: { reason: 'missing_field:link', detail: 'template sms.survey has no value for link' } });
    expect(render('rating_request', { links: { booking: BOOKING } })).toMatchObject({ action: 'hold', hold: { reason: 'missing_field:link' } });
    // A library without the variants: the plain template is all there is, and it is held.
    const plainOnly = { ...defaultLibrary(), templates: defaultLibrary().templates.filter((x) => x.variant === undefined) };
    expect(render('care', { library: plainOnly })).toEqual({ action: 'hold', hold: { reason: 'missing_field:mileage', detail: 'template sms.care has no value for mileage' } });
    expect(render('care_offer', { library: plainOnly })).toEqual({
      action: 'hold', hold: { reason: 'missing_field:offer,offerDeadline', detail: 'template sms.offer has no value for offer, offerDeadline' },
    });
    const noSms = { ...defaultLibrary(), templates: defaultLibrary().templates.filter((x) => x.channel !== 'sms') };
    expect(render('care_offer', { library: noSms })).toEqual({
      action: 'hold', hold: { reason: 'no_template', detail: `the script library ${defaultLibrary().version} has no sms template for offer` },
    });
  });

  it('nothing is left to fill in any message that is sent', async () => {
    const render = await customer(await t.open());
    for (const purpose of ['care', 'care_offer', 'wake_up', 'farewell', 'rating_request']) {
      expect(sent(render(purpose, { links: { survey: SURVEY, booking: BOOKING } })).body, purpose).not.toMatch(LEFTOVER);
    }
  });
});

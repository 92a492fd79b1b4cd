import { describe, expect, it } from 'vitest';
import { buildContext } from './build-context.js';
import { defaultLibrary } from './default-library.js';
import { renderScript, renderTemplate } from './render-script.js';
import { selectScript } from './select-script.js';
import { baseInput } from './test-fixtures.js';

const lib = defaultLibrary();

describe('an orange warning call for the sample customer', () => {
  const choice = selectScript(lib, { occasion: 'orange_call', reason: 'unknown', audience: ['active_warning', 'mid'], stage: 'opening' })!;
  // The question the last call left open; no "other" note yet, so the imported note stands in.
  const ctx = buildContext({ ...baseInput, notes: { open_question: '家里充电桩能不能装快充' } });

  it('opens in Chinese with his name, his advisor, the days, the due service and the notes for the advisor', () => {
    expect(renderScript(choice.script, ctx, 'zh-CN')).toEqual({
      id: 'orange.opening',
      title: '橙色预警·顾问来电开场',
      text: '张先生您好，我是您在星途浦东服务中心的服务顾问李娜。您的车有105天没回店了，按记录40,000公里保养在6月20日到期，想跟您确认一下车况，方便说两句吗？',
      tip: '72小时内打完并记录结果。上次留下的问题：家里充电桩能不能装快充。客户备注：周末方便，喜欢喝美式。先问候、再倾听。',
      missing: [],
    });
  });

  it('and in English', () => {
    const r = renderScript(choice.script, ctx, 'en');
    expect(r.text).toBe(
      'Hello 张伟, this is 李娜, your service advisor at 星途浦东服务中心. It has been 105 days since your last visit, and our records show 40,000 km service due on 20 Jun, so I would like to check on the car. Do you have a moment?',
    );
  });

  it('the offer stage, with no offer chosen yet, shows what the advisor must fill in', () => {
    const offer = selectScript(lib, { occasion: 'orange_call', reason: 'price', audience: ['active_warning', 'mid'], stage: 'offer' })!;
    const r = renderScript(offer.script, ctx, 'zh-CN');
    expect(r.text).toContain('【待填写：优惠】');
    expect(r.text).toContain('【待填写：优惠截止日】');
    expect(r.missing).toEqual(['offer', 'offerDeadline']);
  });
});

const template = (id: string) => lib.templates.find((t) => t.id === id)!;

describe('a message for the outbox', () => {
  it('an email with its subject, and the fields an automated send would wait for', () => {
    const r = renderTemplate(template('email.maintenance-reminder'), buildContext(baseInput), 'zh-CN');
    expect(r.subject).toBe('您的40,000公里保养将于6月20日到期');
    expect(r.body.endsWith('李娜\n星途浦东服务中心')).toBe(true);
    expect(r.missing).toEqual([]);
    const sms = renderTemplate(template('sms.offer'), buildContext(baseInput), 'en');
    expect(sms.body).toBe('Hi 张伟, [to fill: offer] is yours until [to fill: offer deadline]. Reply 1 to book and 李娜 will arrange it. – 星途浦东服务中心. Reply TD to opt out');
    expect(sms.missing).toEqual(['offer', 'offerDeadline']);
  });
});

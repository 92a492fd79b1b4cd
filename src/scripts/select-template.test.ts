import { describe, expect, it } from 'vitest';
import { buildContext } from './build-context.js';
import { defaultLibrary } from './default-library.js';
import type { Template } from './library-schema.js';
import { selectTemplate } from './select-template.js';
import { baseInput } from './test-fixtures.js';

const lib = defaultLibrary();
/** 张先生 of 星途浦东服务中心: mileage read (24,310 km), no offer chosen. */
const withMileage = buildContext(baseInput);
const noMileage = { ...withMileage, mileage: undefined };
const withOffer = { ...withMileage, offer: '¥50保养代金券', offerDeadline: '6月30日' };
const only = (keep: (t: Template) => boolean) => ({ templates: lib.templates.filter(keep) });

describe('the template a message is rendered from', () => {
  it('with a mileage reading, the care SMS that names it', () => {
    const c = selectTemplate(lib, 'sms', 'care', withMileage, 'zh-CN')!;
    expect(c.template.id).toBe('sms.care');
    expect(c.rendered.body).toBe('【星途浦东服务中心】张先生您好，近期用车还顺心吗？您的车已行驶24,310公里，如有任何异常，请随时联系顾问李娜。回复TD退订');
  });

  it('without one, the no-mileage care SMS, in either language', () => {
    const zh = selectTemplate(lib, 'sms', 'care', noMileage, 'zh-CN')!;
    expect(zh.template.id).toBe('sms.care-no-mileage');
    expect(zh.rendered).toMatchObject({ missing: [], body: '【星途浦东服务中心】张先生您好，近期用车还顺心吗？如有任何异常或需要检查，请随时联系顾问李娜。回复TD退订' });
    expect(selectTemplate(lib, 'sms', 'care', noMileage, 'en')!.rendered.body).toBe(
      'Hi 张伟, how is the car? If anything seems off or it is due a check, your advisor 李娜 is here to help. – 星途浦东服务中心. Reply TD to opt out',
    );
  });

  it('the offer template with an offer, the no-offer variant without', () => {
    expect(selectTemplate(lib, 'wechat', 'offer', withOffer, 'zh-CN')!.template.id).toBe('wechat.offer');
    expect(selectTemplate(lib, 'wechat', 'offer', withMileage, 'zh-CN')!.template.id).toBe('wechat.offer-none');
  });

  it('a variant listed first is still passed over when the customer has what the plain text says', () => {
    const variantFirst = { templates: [...lib.templates].sort((a, b) => Number(b.variant !== undefined) - Number(a.variant !== undefined)) };
    expect(selectTemplate(variantFirst, 'app', 'care', withMileage, 'en')!.template.id).toBe('app.care');
    expect(selectTemplate(variantFirst, 'app', 'care', noMileage, 'en')!.template.id).toBe('app.care-no-mileage');
  });

  it('a template that can be filled beats a variant asked for that cannot', () => {
    const byId = (id: string) => lib.templates.find((t) => t.id === id)!;
    const edited = {
      templates: [
        { ...byId('sms.care-no-mileage'), body: { 'zh-CN': '{{customerName}}，约{{slot}}', en: '{{customerName}}, see you {{slot}}' } },
        { ...byId('sms.care'), body: { 'zh-CN': '{{customerName}}您好', en: 'Hi {{customerName}}' } },
      ],
    };
    const c = selectTemplate(edited, 'sms', 'care', noMileage, 'en')!;
    expect(c.template.id).toBe('sms.care');
    expect(c.rendered).toMatchObject({ body: 'Hi 张伟', missing: [] });
  });

  it('none can be filled: the preferred one, with the fields it misses', () => {
    const wakeUp = selectTemplate(lib, 'email', 'wake_up', noMileage, 'zh-CN')!;
    expect(wakeUp.template.id).toBe('email.wake-up-no-mileage');
    expect(wakeUp.rendered.missing).toEqual(['offer', 'offerDeadline']);
    const noVariant = selectTemplate(only((t) => t.variant === undefined), 'sms', 'care', noMileage, 'zh-CN')!;
    expect(noVariant.template.id).toBe('sms.care');
    expect(noVariant.rendered.missing).toEqual(['mileage']);
    expect(selectTemplate(lib, 'sms', 'survey', withMileage, 'zh-CN')!.rendered.missing).toEqual(['link']);
  });

  it('no template for the channel and purpose: none', () => {
    expect(selectTemplate(only((t) => t.channel !== 'sms'), 'sms', 'care', withMileage, 'zh-CN')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { renderText } from './render.js';

describe('renderText', () => {
  const text = '{{customerName}}您好，为您准备了{{offer}}，{{offerDeadline}}前有效。';

  it('fills fields, picking the language of a bilingual value', () => {
    const ctx = { customerName: '张先生', offer: { 'zh-CN': '工时费8折', en: '20% off labour' }, offerDeadline: '6月30日' };
    expect(renderText(text, ctx, 'zh-CN')).toEqual({ text: '张先生您好，为您准备了工时费8折，6月30日前有效。', missing: [] });
    expect(renderText('{{offer}} until {{ offerDeadline }}', ctx, 'en').text).toBe('20% off labour until 6月30日');
  });

  it('renders a missing field as a clear placeholder in Chinese', () => {
    const r = renderText(text, { customerName: '张先生' }, 'zh-CN');
    expect(r.text).toBe('张先生您好，为您准备了【待填写：优惠】，【待填写：优惠截止日】前有效。');
    expect(r.missing).toEqual(['offer', 'offerDeadline']);
  });

  it('renders a missing field as a clear placeholder in English', () => {
    const r = renderText('Hello {{customerName}}, {{offer}} is yours until {{offerDeadline}}.', { customerName: 'Mr Smith', offer: null }, 'en');
    expect(r.text).toBe('Hello Mr Smith, [to fill: offer] is yours until [to fill: offer deadline].');
    expect(r.missing).toEqual(['offer', 'offerDeadline']);
  });

  it('treats null, blank and stringified nothing as missing, never as text', () => {
    for (const offer of [null, undefined, '', '   ', 'undefined', 'null', Number.NaN, { 'zh-CN': ' ', en: 'x' }]) {
      const r = renderText('[{{offer}}]', { offer }, 'zh-CN');
      expect(r.text).toBe('[【待填写：优惠】]');
    }
  });

  it('keeps a zero (0 days is a value, not a gap)', () => {
    expect(renderText('{{daysSinceLastVisit}}天', { daysSinceLastVisit: 0 }, 'zh-CN').text).toBe('0天');
  });

  it('reports a repeated missing field once', () => {
    expect(renderText('{{slot}} {{slot}}', {}, 'en').missing).toEqual(['slot']);
  });

  it('refuses an unvalidated text with an unknown placeholder rather than sending it', () => {
    expect(() => renderText('{{ofer}}', {}, 'zh-CN')).toThrow('unknown placeholder {{ofer}}');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultLibrary } from './default-library.js';
import { SMS_MAX_CHARS, SMS_OPT_OUT } from './library-checks.js';
import { renderScript, renderTemplate } from './render-script.js';
import { fullContext } from './test-fixtures.js';
import { langs, messageChannels, purposes } from './vocabulary.js';

const lib = defaultLibrary();
const ctx = fullContext();

/** Anything that would show a customer that a field went wrong. */
const LEFTOVER = /\{\{|\}\}|undefined|null|NaN|待填写|to fill|\[object/;

describe('every shipped script and template renders cleanly with a full context', () => {
  it('the full context fills every field', () => {
    expect(Object.entries(ctx).filter(([, v]) => v === undefined || v === null).map(([k]) => k)).toEqual([]);
  });

  for (const lang of langs) {
    it(`scripts in ${lang}`, () => {
      for (const s of lib.scripts) {
        const r = renderScript(s, ctx, lang);
        expect(r.missing, s.id).toEqual([]);
        expect(`${r.title} ${r.text} ${r.tip ?? ''}`, s.id).not.toMatch(LEFTOVER);
      }
    });

    it(`templates in ${lang}`, () => {
      for (const t of lib.templates) {
        const r = renderTemplate(t, ctx, lang);
        expect(r.missing, t.id).toEqual([]);
        expect(`${r.subject ?? ''} ${r.body}`, t.id).not.toMatch(LEFTOVER);
      }
    });
  }
});

describe('the shipped texts', () => {
  it('cover every channel and purpose', () => {
    for (const channel of messageChannels)
      for (const purpose of purposes) expect(lib.templates.some((t) => t.channel === channel && t.purpose === purpose), `${channel}/${purpose}`).toBe(true);
  });

  it('a customer without a mileage reading still gets every message that names it, in its no-mileage wording', () => {
    const namesMileage = lib.templates.filter((t) => !t.variant && `${t.subject?.['zh-CN'] ?? ''}${t.body['zh-CN']}${t.body.en}`.includes('{{mileage}}'));
    expect(namesMileage.map((t) => t.id).sort()).toEqual([
      'app.care', 'app.wake-up', 'email.care', 'email.maintenance-reminder', 'email.wake-up', 'sms.care', 'sms.wake-up', 'wechat.maintenance-reminder',
    ]);
    for (const t of namesMileage) {
      expect(lib.templates.some((v) => v.channel === t.channel && v.purpose === t.purpose && v.variant === 'no_mileage'), t.id).toBe(true);
    }
  });

  it('SMS: short once filled, signed by the store and carrying the opt-out hint', () => {
    for (const t of lib.templates.filter((x) => x.channel === 'sms')) {
      for (const lang of langs) {
        const body = renderTemplate(t, ctx, lang).body;
        expect([...body].length, `${t.id} ${lang}: ${body}`).toBeLessThanOrEqual(SMS_MAX_CHARS[lang]);
        expect(body, t.id).toContain(SMS_OPT_OUT[lang]);
        expect(body, t.id).toContain('星途浦东服务中心');
      }
    }
  });

  it('app pushes are a glance long; emails have a subject', () => {
    for (const t of lib.templates.filter((x) => x.channel === 'app')) {
      const r = renderTemplate(t, ctx, 'zh-CN');
      expect([...r.body].length, t.id).toBeLessThanOrEqual(50);
      expect(r.subject).toBeTruthy();
    }
    for (const t of lib.templates.filter((x) => x.channel === 'email')) expect(renderTemplate(t, ctx, 'en').subject, t.id).toBeTruthy();
  });

  it('scripts are short enough to read on a phone: one screen, filled in', () => {
    for (const s of lib.scripts) {
      expect([...renderScript(s, ctx, 'zh-CN').text].length, s.id).toBeLessThanOrEqual(100);
      expect(renderScript(s, ctx, 'en').text.split(/\s+/).length, s.id).toBeLessThanOrEqual(60);
    }
  });
});

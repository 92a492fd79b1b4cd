import { describe, expect, it } from 'vitest';
import { defaultPrograms } from '../programs/default-programs.js';
import { defaultLibrary } from './default-library.js';
import { occasionForTask } from './occasion-for-task.js';
import { scriptsForTask, type TaskScriptInput } from './scripts-for-task.js';
import { fullContext } from './test-fixtures.js';
import type { Audience } from './vocabulary.js';

const base = (over: Partial<TaskScriptInput> = {}): TaskScriptInput => ({
  library: defaultLibrary(), context: fullContext(), lang: 'zh-CN', occasion: occasionForTask('early_warning_orange', 'orange_call'),
  recordedReason: null, audiences: ['active_warning', 'mid'], dormantType: null, recallLevel: null, channel: 'sms',
  links: { survey: 'https://s.example.cn/survey', booking: 'https://s.example.cn/book' }, ...over,
});

const texts = (r: ReturnType<typeof scriptsForTask>) =>
  [...r.stages.flatMap((s) => [s.title, s.text, s.tip]), ...r.otherReasons.map((o) => o.text), ...r.templates.flatMap((t) => [t.subject, t.body])]
    .filter((v): v is string => v !== null);

describe('scripts for a task', () => {
  it('every task step of the shipped programs gets a full call (four stages) from the shipped library, in both languages', () => {
    const audiences: Audience[][] = [[], ['high'], ['active_warning', 'basic'], ['dormant', 'mid'], ['lost_recall', 'high'], ['returned', 'mid'], ['give_up', 'basic']];
    for (const program of defaultPrograms().programs) {
      for (const step of program.steps.filter((s) => s.kind === 'task')) {
        for (const a of audiences) {
          for (const lang of ['zh-CN', 'en'] as const) {
            const r = scriptsForTask(base({ occasion: occasionForTask(program.id, step.id), audiences: a, lang, dormantType: 'passive', recallLevel: 2 }));
            expect(r.stages.map((s) => s.stage), `${program.id}/${step.id} ${a.join(',')}`).toEqual(['opening', 'probing', 'offer', 'closing']);
          }
        }
      }
    }
  });

  it('maps the warning calls by step and the other programs by program; an unknown program gets the general call', () => {
    expect(occasionForTask('early_warning_red', 'red_call')).toEqual({ occasion: 'red_call', impliedReason: null });
    expect(occasionForTask('early_warning_red', 'gm_call').occasion).toBe('gm_call');
    expect(occasionForTask('complaint_open', 'respond')).toEqual({ occasion: 'complaint_response', impliedReason: 'service' });
    expect(occasionForTask('dormant_wakeup', 'day3_call').occasion).toBe('dormant_call');
    expect(occasionForTask('my_own_program', 'call').occasion).toBe('retention_call');
  });

  it('follows the recorded churn reason, unless the trigger itself says why', () => {
    const price = scriptsForTask(base({ occasion: occasionForTask('silent_orange', 'care_call'), recordedReason: 'price' }));
    expect(price.reason).toBe('passive');
    const recall = scriptsForTask(base({ occasion: occasionForTask('recall_level_2', 'sa_call'), recordedReason: 'price', audiences: ['lost_recall', 'mid'] }));
    expect(recall.reason).toBe('price');
    expect(recall.otherReasons.map((o) => o.reason)).toEqual(['convenience', 'service', 'passive']);
    expect(scriptsForTask(base()).reason).toBe('unknown');
  });

  it("fills every field it knows and shows a placeholder for the rest — never 'undefined' or 'null'", () => {
    const full = scriptsForTask(base());
    expect(full.fields.customerName).toBe('张先生');
    expect(full.stages[0]!.text).toContain('张先生');
    expect(full.stages.flatMap((s) => s.missing)).toEqual([]);
    for (const lang of ['zh-CN', 'en'] as const) {
      const empty = scriptsForTask(base({ context: {}, lang }));
      const all = texts(empty).join('\n');
      expect(all).not.toMatch(/undefined|null|NaN|\{\{|\}\}/);
      expect(all).toContain(lang === 'zh-CN' ? '【待填写：客户称呼】' : '[to fill: customer name]');
      expect(Object.values(empty.fields).every((v) => v === null)).toBe(true);
    }
    // A stringified nothing that slipped into the data is treated as missing, not printed.
    const leaked = scriptsForTask(base({ context: { ...fullContext(), customerName: 'undefined', advisorName: 'null' } }));
    expect(texts(leaked).join('\n')).not.toMatch(/undefined|null/);
  });

  it('offers the templates of the channel that fits the task, rendered', () => {
    expect(scriptsForTask(base({ channel: 'wechat' })).templates.every((t) => t.channel === 'wechat')).toBe(true);
    expect(scriptsForTask(base({ channel: null })).templates).toEqual([]);
  });

  it("fills each template's link from its purpose: the survey link for a survey, none set reads as a placeholder", () => {
    const sms = scriptsForTask(base({ lang: 'en' })).templates;
    const survey = sms.find((t) => t.purpose === 'survey')!;
    expect(survey.body).toContain('https://s.example.cn/survey');
    expect(survey.missing).toEqual([]);
    const unset = scriptsForTask(base({ lang: 'en', links: { survey: null, booking: null } })).templates.find((t) => t.purpose === 'survey')!;
    expect(unset.missing).toEqual(['link']);
    expect(unset.body).not.toContain('undefined');
  });
});

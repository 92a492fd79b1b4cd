import { describe, expect, it } from 'vitest';
import { defaultLibraryDocument } from './default-library.js';
import { noteFields } from './fields.js';
import { parseLibrary } from './parse-library.js';

const doc = (): Record<string, any> => defaultLibraryDocument() as Record<string, any>;

describe('personal notes in the library', () => {
  it('a template naming a note field is refused, in a body or a subject, with its path and a clear reason', () => {
    const d = doc();
    const wechat = d.templates.findIndex((t: any) => t.id === 'wechat.care');
    d.templates[wechat].body.en += ' Last time you asked about {{openQuestion}}.';
    const email = d.templates.findIndex((t: any) => t.channel === 'email' && !t.variant);
    d.templates[email].subject['zh-CN'] += '（{{ preferredDrink }}）';
    const r = parseLibrary(d);
    if (r.ok) throw new Error('expected the library to be refused');
    const reason = "is a personal note, for staff's scripts only; a message to the customer cannot carry it";
    expect(r.errors).toHaveLength(2);
    expect(r.errors).toEqual(expect.arrayContaining([
      { path: `templates.${email}.subject.zh-CN`, message: `template "${d.templates[email].id}": {{preferredDrink}} ${reason}` },
      { path: `templates.${wechat}.body.en`, message: `template "wechat.care": {{openQuestion}} ${reason}` },
    ]));
  });

  it('every note field is refused in a template, the old personalNote included', () => {
    expect([...noteFields].sort()).toEqual(['family', 'job', 'openQuestion', 'personalNote', 'preferredDrink']);
    for (const field of noteFields) {
      const d = doc();
      const i = d.templates.findIndex((t: any) => t.id === 'wechat.care');
      d.templates[i].body['zh-CN'] += `{{${field}}}`;
      const r = parseLibrary(d);
      expect(r.ok ? [] : r.errors.map((e) => e.path), field).toEqual([`templates.${i}.body.zh-CN`]);
    }
  });

  it('a script a person reads may use them: the shipped call scripts continue the last conversation', () => {
    const d = doc();
    const s = d.scripts.findIndex((x: any) => x.id === 'post-service.opening');
    d.scripts[s].text.en += ' {{family}} {{job}}';
    expect(parseLibrary(d).ok).toBe(true);
    const tips = d.scripts.filter((x: any) => `${x.tip?.['zh-CN'] ?? ''}${x.text['zh-CN']}`.includes('{{openQuestion}}')).map((x: any) => x.id);
    expect(tips).toEqual(expect.arrayContaining(['post-service.opening', 'return.opening', 'orange.opening', 'core.unknown.opening']));
  });
});

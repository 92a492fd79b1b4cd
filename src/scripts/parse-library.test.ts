import { describe, expect, it } from 'vitest';
import { defaultLibrary, defaultLibraryDocument } from './default-library.js';
import { parseLibrary } from './parse-library.js';

/** A mutable copy of the shipped document, to break on purpose. */
const doc = (): Record<string, any> => defaultLibraryDocument() as Record<string, any>;

function errorsOf(input: unknown) {
  const r = parseLibrary(input);
  if (r.ok) throw new Error('expected the library to be refused');
  return r.errors;
}

describe('the shipped library', () => {
  it('is valid, versioned and frozen', () => {
    const lib = defaultLibrary();
    expect(lib.version).toBe('default-5');
    expect(lib.scripts.length).toBeGreaterThan(80);
    expect(lib.templates).toHaveLength(72);
    expect(Object.isFrozen(lib.scripts[0]!.text)).toBe(true);
  });

  it('survives a JSON round trip (it is stored as a document)', () => {
    const r = parseLibrary(JSON.parse(JSON.stringify(defaultLibrary())));
    expect(r.ok && r.library).toEqual(defaultLibrary());
  });
});

describe('refusing a bad document with the path of the field', () => {
  it('a wrong type, a bad enum value and an empty text', () => {
    const d = doc();
    d.version = 3;
    d.scripts[2].stage = 'pitch';
    d.templates[1].body.en = '  ';
    expect(errorsOf(d).map((e) => e.path)).toEqual(['version', 'scripts.2.stage', 'templates.1.body.en']);
  });

  it('a missing language and an unknown field', () => {
    const d = doc();
    delete d.scripts[0].text.en;
    d.templates[0].sender = 'x';
    expect(errorsOf(d)).toEqual([
      { path: 'scripts.0.text.en', message: 'is required' },
      { path: 'templates.0.sender', message: 'unknown field' },
    ]);
  });
});

describe('refusing what would break rendering or selection', () => {
  it('an unknown placeholder, naming the script id and the placeholder', () => {
    const d = doc();
    d.scripts[5].text['zh-CN'] += '{{ofer}}';
    expect(errorsOf(d)).toEqual([{ path: 'scripts.5.text.zh-CN', message: `script "${d.scripts[5].id}": unknown placeholder {{ofer}}` }]);
  });

  it('an unknown placeholder in a tip or a subject, and a broken brace', () => {
    const d = doc();
    const tipped = d.scripts.findIndex((s: any) => s.tip);
    d.scripts[tipped].tip.en += ' {{deadline}}';
    const email = d.templates.findIndex((t: any) => t.channel === 'email');
    d.templates[email].subject['zh-CN'] += '{{offer}';
    expect(errorsOf(d).map((e) => `${e.path} ${e.message}`)).toEqual([
      `scripts.${tipped}.tip.en script "${d.scripts[tipped].id}": unknown placeholder {{deadline}}`,
      `templates.${email}.subject.zh-CN template "${d.templates[email].id}": unbalanced "{{" or "}}"`,
    ]);
  });

  it('an SMS without the opt-out hint or the store, or too long', () => {
    const d = doc();
    const i = d.templates.findIndex((t: any) => t.id === 'sms.care');
    d.templates[i].body['zh-CN'] = '{{customerName}}您好。' + '好'.repeat(120) + '回复TD退订';
    d.templates[i].body.en = 'Hi {{customerName}} – {{storeName}}';
    expect(errorsOf(d).map((e) => `${e.path} ${e.message}`)).toEqual([
      `templates.${i}.body.zh-CN template "sms.care": an SMS must be signed with {{storeName}}`,
      `templates.${i}.body.zh-CN template "sms.care": longer than 120 characters`,
      `templates.${i}.body.en template "sms.care": an SMS must carry the opt-out hint "Reply TD to opt out"`,
    ]);
  });

  it('an email without a subject', () => {
    const d = doc();
    const i = d.templates.findIndex((t: any) => t.id === 'email.offer');
    delete d.templates[i].subject;
    expect(errorsOf(d)).toEqual([{ path: `templates.${i}.subject`, message: 'template "email.offer": an email message needs a subject' }]);
  });

  it('a no-offer variant that names the offer, and two variants competing for one slot', () => {
    const d = doc();
    const i = d.templates.findIndex((t: any) => t.id === 'sms.offer-none');
    d.templates[i].body.en = d.templates[i].body.en.replace('it has been a while', '{{offer}} until {{offerDeadline}}');
    d.templates.push({ ...d.templates[i], id: 'sms.offer-none-2', body: d.templates.find((t: any) => t.id === 'sms.offer').body });
    const n = d.templates.length - 1;
    expect(errorsOf(d)).toEqual([
      { path: `templates.${i}.body.en`, message: 'template "sms.offer-none": a no_offer variant cannot use {{offer}}' },
      { path: `templates.${i}.body.en`, message: 'template "sms.offer-none": a no_offer variant cannot use {{offerDeadline}}' },
      { path: `templates.${n}.body.zh-CN`, message: 'template "sms.offer-none-2": a no_offer variant cannot use {{offer}}' },
      { path: `templates.${n}.body.zh-CN`, message: 'template "sms.offer-none-2": a no_offer variant cannot use {{offerDeadline}}' },
      { path: `templates.${n}.body.en`, message: 'template "sms.offer-none-2": a no_offer variant cannot use {{offer}}' },
      { path: `templates.${n}.body.en`, message: 'template "sms.offer-none-2": a no_offer variant cannot use {{offerDeadline}}' },
      { path: `templates.${n}`, message: `channel/purpose/variant sms/offer/no_offer repeats templates.${i}` },
    ]);
  });

  it('a no-mileage variant that names the mileage, in a subject or a body', () => {
    const d = doc();
    const i = d.templates.findIndex((t: any) => t.id === 'email.care-no-mileage');
    d.templates[i].subject['zh-CN'] += '（{{mileage}}）';
    d.templates[i].body.en = d.templates[i].body.en.replace('I hope the car is running well.', 'Your car is at {{mileage}}.');
    expect(errorsOf(d)).toEqual([
      { path: `templates.${i}.subject.zh-CN`, message: 'template "email.care-no-mileage": a no_mileage variant cannot use {{mileage}}' },
      { path: `templates.${i}.body.en`, message: 'template "email.care-no-mileage": a no_mileage variant cannot use {{mileage}}' },
    ]);
  });

  it('a variant that is not one of the known ones', () => {
    const d = doc();
    const i = d.templates.findIndex((t: any) => t.id === 'sms.care-no-mileage');
    d.templates[i].variant = 'no_name';
    expect(errorsOf(d).map((e) => e.path)).toEqual([`templates.${i}.variant`]);
  });

  it('a repeated id, and two scripts competing for one slot', () => {
    const d = doc();
    d.scripts.push({ ...d.scripts[0] });
    d.scripts.push({ ...d.scripts[1], id: 'my.copy' });
    const n = d.scripts.length;
    expect(errorsOf(d).map((e) => e.path)).toEqual([`scripts.${n - 2}`, `scripts.${n - 2}`, `scripts.${n - 1}`]);
  });
});

import type { z } from 'zod';
import { isField, noteFields } from './fields.js';
import type { ScriptLibrary, Template } from './library-schema.js';
import { scanPlaceholders } from './placeholders.js';
import { variantAvoids } from './variant-fields.js';
import { langs } from './vocabulary.js';

type Ctx = z.core.$RefinementCtx<ScriptLibrary>;
type Path = (string | number)[];

/** A Chinese SMS over 70 characters is split and billed per 67; two parts is the sensible limit. */
export const SMS_MAX_CHARS = { 'zh-CN': 120, en: 300 } as const;
/** Chinese carriers and the outbox both expect the unsubscribe word in every marketing SMS. */
export const SMS_OPT_OUT = { 'zh-CN': '回复TD退订', en: 'Reply TD to opt out' } as const;

/** Unknown or malformed placeholders, named with the script or template id so a user finds it. */
function checkText(ctx: Ctx, value: string, path: Path, owner: string): void {
  const scan = scanPlaceholders(value);
  for (const name of new Set(scan.names)) {
    if (!isField(name)) ctx.addIssue({ code: 'custom', path, message: `${owner}: unknown placeholder {{${name}}}` });
  }
  if (scan.stray) ctx.addIssue({ code: 'custom', path, message: `${owner}: unbalanced "{{" or "}}"` });
}

/** A variant that named the field it exists to avoid would be held for the very gap it was written to close. */
function checkVariant(ctx: Ctx, t: Template, i: number, owner: string): void {
  if (!t.variant) return;
  const avoided: readonly string[] = variantAvoids[t.variant];
  for (const lang of langs) {
    for (const [part, text] of [['subject', t.subject?.[lang]], ['body', t.body[lang]]] as const) {
      const named = scanPlaceholders(text ?? '').names.filter((n) => avoided.includes(n));
      for (const name of new Set(named)) {
        ctx.addIssue({ code: 'custom', path: ['templates', i, part, lang], message: `${owner}: a ${t.variant} variant cannot use {{${name}}}` });
      }
    }
  }
}

/**
 * Personal notes (what the customer told staff: family, job, the open question…) help a person
 * continue a conversation; read back to the customer by an automated message they would be an
 * intrusion, and a number written into one would leave Retain. No template may name them.
 */
function checkNoNotes(ctx: Ctx, t: Template, i: number, owner: string): void {
  for (const lang of langs) {
    for (const [part, text] of [['subject', t.subject?.[lang]], ['body', t.body[lang]]] as const) {
      const named = scanPlaceholders(text ?? '').names.filter((n) => noteFields.includes(n as never));
      for (const name of new Set(named)) {
        ctx.addIssue({ code: 'custom', path: ['templates', i, part, lang], message: `${owner}: {{${name}}} is a personal note, for staff's scripts only; a message to the customer cannot carry it` });
      }
    }
  }
}

function checkTemplate(ctx: Ctx, t: Template, i: number): void {
  const owner = `template "${t.id}"`;
  checkVariant(ctx, t, i, owner);
  checkNoNotes(ctx, t, i, owner);
  const needsSubject = t.channel === 'email' || t.channel === 'app';
  if (needsSubject && !t.subject) ctx.addIssue({ code: 'custom', path: ['templates', i, 'subject'], message: `${owner}: an ${t.channel} message needs a subject` });
  if (t.channel === 'sms' && t.subject) ctx.addIssue({ code: 'custom', path: ['templates', i, 'subject'], message: `${owner}: an SMS has no subject` });
  if (t.channel !== 'sms') return;
  for (const lang of langs) {
    const body = t.body[lang];
    const path = ['templates', i, 'body', lang];
    if (!body.includes(SMS_OPT_OUT[lang])) ctx.addIssue({ code: 'custom', path, message: `${owner}: an SMS must carry the opt-out hint "${SMS_OPT_OUT[lang]}"` });
    if (!body.includes('{{storeName}}')) ctx.addIssue({ code: 'custom', path, message: `${owner}: an SMS must be signed with {{storeName}}` });
    if ([...body].length > SMS_MAX_CHARS[lang]) ctx.addIssue({ code: 'custom', path, message: `${owner}: longer than ${SMS_MAX_CHARS[lang]} characters` });
  }
}

function checkUnique(ctx: Ctx, keys: string[], collection: string, what: string): void {
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else ctx.addIssue({ code: 'custom', path: [collection, i], message: `${what} ${key} repeats ${collection}.${first}` });
  });
}

/** The checks that span fields: placeholders, SMS rules, and no two entries competing for one slot. */
export function checkLibrary(lib: ScriptLibrary, ctx: Ctx): void {
  lib.scripts.forEach((s, i) => {
    for (const lang of langs) {
      checkText(ctx, s.text[lang], ['scripts', i, 'text', lang], `script "${s.id}"`);
      if (s.tip) checkText(ctx, s.tip[lang], ['scripts', i, 'tip', lang], `script "${s.id}"`);
    }
  });
  lib.templates.forEach((t, i) => {
    for (const lang of langs) {
      checkText(ctx, t.body[lang], ['templates', i, 'body', lang], `template "${t.id}"`);
      if (t.subject) checkText(ctx, t.subject[lang], ['templates', i, 'subject', lang], `template "${t.id}"`);
    }
    checkTemplate(ctx, t, i);
  });
  checkUnique(ctx, lib.scripts.map((s) => `"${s.id}"`), 'scripts', 'id');
  checkUnique(ctx, lib.templates.map((t) => `"${t.id}"`), 'templates', 'id');
  // Two scripts for the same slot would make selection depend on file order.
  checkUnique(
    ctx,
    lib.scripts.map((s) => `${s.occasion}/${s.reason}/${s.audience}/${s.stage}/${s.dormantType ?? '-'}/${s.recallLevel ?? '-'}`),
    'scripts',
    'slot',
  );
  checkUnique(ctx, lib.templates.map((t) => `${t.channel}/${t.purpose}${t.variant ? `/${t.variant}` : ''}`), 'templates', 'channel/purpose/variant');
}

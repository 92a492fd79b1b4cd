import { isField, missingPlaceholder, type Field } from './fields.js';
import { replacePlaceholders } from './placeholders.js';
import type { Lang } from './vocabulary.js';

/** A value in both languages (a date, a visit kind), or one that reads the same in both (a name). */
export type FieldValue = string | number | { readonly 'zh-CN': string; readonly en: string };

/** What a script is filled from; an absent, null or blank field renders as the missing placeholder. */
export type ScriptContext = Partial<Record<Field, FieldValue | null | undefined>>;

export interface Rendered {
  text: string;
  /** Fields that rendered as a placeholder, in order: the outbox holds an automated message that has any. */
  missing: Field[];
}

function valueIn(value: FieldValue | null | undefined, lang: Lang): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'object' ? value[lang] : typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  // A blank or a stringified nothing would read as a gap in the sentence: treat it as missing.
  const trimmed = s.trim();
  return trimmed === '' || trimmed === 'undefined' || trimmed === 'null' || trimmed === 'NaN' ? null : trimmed;
}

/**
 * Fills `{{field}}` from `ctx`. Library texts are validated on load, so an unknown name can only
 * come from a text that skipped validation: that is a programming error and throws, rather than
 * reaching a customer as a raw brace.
 */
export function renderText(text: string, ctx: ScriptContext, lang: Lang): Rendered {
  const missing: Field[] = [];
  const out = replacePlaceholders(text, (name) => {
    if (!isField(name)) throw new Error(`unknown placeholder {{${name}}} (validate the library first)`);
    const v = valueIn(ctx[name], lang);
    if (v !== null) return v;
    if (!missing.includes(name)) missing.push(name);
    return missingPlaceholder(name, lang);
  });
  return { text: out, missing };
}

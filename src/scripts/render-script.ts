import type { Field } from './fields.js';
import type { Script, Template } from './library-schema.js';
import { renderText, type ScriptContext } from './render.js';
import type { Lang } from './vocabulary.js';

export interface RenderedScript {
  id: string;
  title: string;
  text: string;
  tip: string | null;
  missing: Field[];
}

export interface RenderedMessage {
  id: string;
  subject: string | null;
  body: string;
  missing: Field[];
}

function union(...lists: Field[][]): Field[] {
  return [...new Set(lists.flat())];
}

/** A script as the caller sees it in the task inbox: filled for this customer, in one language. */
export function renderScript(script: Script, ctx: ScriptContext, lang: Lang): RenderedScript {
  const text = renderText(script.text[lang], ctx, lang);
  const tip = script.tip ? renderText(script.tip[lang], ctx, lang) : null;
  return { id: script.id, title: script.title[lang], text: text.text, tip: tip?.text ?? null, missing: union(text.missing, tip?.missing ?? []) };
}

/**
 * A message ready for the outbox. `missing` non-empty means the message still has a "to fill"
 * placeholder: a person may send it after editing, an automated step should hold it.
 */
export function renderTemplate(template: Template, ctx: ScriptContext, lang: Lang): RenderedMessage {
  const body = renderText(template.body[lang], ctx, lang);
  const subject = template.subject ? renderText(template.subject[lang], ctx, lang) : null;
  return { id: template.id, subject: subject?.text ?? null, body: body.text, missing: union(subject?.missing ?? [], body.missing) };
}

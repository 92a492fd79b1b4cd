import type { Field } from './fields.js';
import type { ScriptLibrary, Template } from './library-schema.js';
import { renderTemplate, type RenderedMessage } from './render-script.js';
import { renderText, type ScriptContext } from './render.js';
import { variantAvoids } from './variant-fields.js';
import type { Lang, MessageChannel, Purpose } from './vocabulary.js';

export interface TemplateChoice {
  template: Template;
  /** `missing` is empty unless no template of the channel and purpose could be filled. */
  rendered: RenderedMessage;
}

/**
 * 0: a variant the customer's data asks for (it lacks a field the variant avoids); 1: the plain
 * text; 2: a variant for a gap this customer does not have, which would say less than it could.
 */
function rank(t: Template, known: (f: Field) => boolean): number {
  if (!t.variant) return 1;
  return variantAvoids[t.variant].some((f) => !known(f)) ? 0 : 2;
}

/**
 * The message of a channel and purpose for this customer. The templates are tried in library
 * order, the variants the data asks for first (no offer → `no_offer`, no mileage → `no_mileage`)
 * and those it does not ask for last; the first whose fields are all known is chosen. When none
 * is, the first one tried comes back with its "to fill" placeholders and `missing` naming them:
 * a person may edit it, an automated send holds it. Null when the library has no such template.
 */
export function selectTemplate(
  library: Pick<ScriptLibrary, 'templates'>, channel: MessageChannel, purpose: Purpose, ctx: ScriptContext, lang: Lang,
): TemplateChoice | null {
  const known = (f: Field) => renderText(`{{${f}}}`, ctx, lang).missing.length === 0;
  // Array sort is stable: within a rank, library order decides.
  const tried = library.templates.filter((t) => t.channel === channel && t.purpose === purpose).sort((a, b) => rank(a, known) - rank(b, known));
  let preferred: TemplateChoice | null = null;
  for (const template of tried) {
    const rendered = renderTemplate(template, ctx, lang);
    if (rendered.missing.length === 0) return { template, rendered };
    preferred ??= { template, rendered };
  }
  return preferred;
}

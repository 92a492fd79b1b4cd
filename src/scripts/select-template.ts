import type { ScriptLibrary, Template } from './library-schema.js';
import type { MessageChannel, Purpose } from './vocabulary.js';

/** The library holds at most one template per channel and purpose (validated), so this is a lookup. */
export function selectTemplate(library: Pick<ScriptLibrary, 'templates'>, channel: MessageChannel, purpose: Purpose): Template | null {
  return library.templates.find((t) => t.channel === channel && t.purpose === purpose) ?? null;
}

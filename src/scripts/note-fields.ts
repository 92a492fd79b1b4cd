import { maskPhonesInText } from '../auth/mask-phone.js';
import { noteTopics, type NoteTopic } from '../domain/records.js';
import { noteFieldOfTopic } from './fields.js';
import type { ScriptContext } from './render.js';

/**
 * The script fields of the customer's personal notes (programs.md §13): each topic's current text,
 * phone numbers in it masked — a script is shown and read out as widely as the customer record.
 * A cleared topic ('') is a missing field. The other topic's note falls back to the note of the
 * imported customer record (`imported`) until staff write one; a cleared one stays cleared.
 */
export function noteContext(notes: Partial<Record<NoteTopic, string>>, imported: string | null): ScriptContext {
  const ctx: ScriptContext = {};
  const shown = (text: string | null) => (text === null || text === '' ? null : maskPhonesInText(text));
  for (const topic of noteTopics) if (notes[topic] !== undefined) ctx[noteFieldOfTopic[topic]] = shown(notes[topic]);
  if (notes.other === undefined) ctx.personalNote = shown(imported);
  return ctx;
}

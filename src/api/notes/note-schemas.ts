import { z } from '@hono/zod-openapi';
import { maskPhonesInText } from '../../auth/mask-phone.js';
import { noteText, noteTopics, type NoteTopic } from '../../domain/records.js';
import { isoInZone } from '../../engine/programs/store-time.js';
import { currentNotes, type NoteVersion } from '../../store/read-notes.js';

/** The shapes of personal notes at the edge (programs.md §13): what staff send, what they read. */

const topicText = noteText.optional().openapi({ description: 'Trimmed, at most 500 characters; an empty text clears the topic' });

/** One or several topics in one save; a topic left out keeps its current note. */
export const NoteTopicsInput = z
  .strictObject({ drink: topicText, family: topicText, job: topicText, open_question: topicText, other: topicText })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'name at least one topic: drink, family, job, open_question or other' })
  .openapi('NoteTopics', { description: 'Texts by topic: preferred drink, family, job, the question left open by the last contact, anything else' });
export type NoteTopicsInput = z.infer<typeof NoteTopicsInput>;

/** The topics actually given (an absent key is not a clear). */
export function givenTopics(input: NoteTopicsInput): Partial<Record<NoteTopic, string>> {
  const given: Partial<Record<NoteTopic, string>> = {};
  for (const topic of noteTopics) if (input[topic] !== undefined) given[topic] = input[topic];
  return given;
}

export const NoteVersionSchema = z
  .object({
    id: z.number().int(),
    topic: z.enum(noteTopics),
    text: z.string().nullable().openapi({ description: 'Phone numbers inside are masked (139****5678); null = the topic was cleared' }),
    staffId: z.string().nullable().openapi({ description: 'Who wrote it (null: imported or an integration without a staff id)' }),
    staffName: z.string().nullable(),
    taskId: z.string().nullable().openapi({ description: 'The task it was recorded on' }),
    at: z.string().openapi({ description: "When, with the store's offset" }),
    source: z.enum(['staff', 'import']),
  })
  .openapi('NoteVersion');
export type NoteVersionView = z.infer<typeof NoteVersionSchema>;

export const NotesViewSchema = z
  .object({
    customerId: z.string(),
    current: z.array(NoteVersionSchema).openapi({ description: 'The newest version of each topic that has one, in topic order (a cleared topic has text null)' }),
    history: z.array(NoteVersionSchema).openapi({ description: 'Every version, newest first' }),
  })
  .openapi('CustomerNotes');
export type NotesView = z.infer<typeof NotesViewSchema>;

/** A stored version as every answer shows it: masked, with the store's offset. */
export function toNoteVersionView(v: NoteVersion, timeZone: string): NoteVersionView {
  return {
    id: v.id, topic: v.topic, text: v.text === '' ? null : maskPhonesInText(v.text), staffId: v.staffId, staffName: v.staffName,
    taskId: v.taskId, at: isoInZone(v.at, timeZone), source: v.source,
  };
}

export function toNotesView(customerId: string, versionsNewestFirst: readonly NoteVersion[], timeZone: string): NotesView {
  const current = currentNotes(versionsNewestFirst);
  return {
    customerId,
    current: noteTopics.flatMap((t) => (current.has(t) ? [toNoteVersionView(current.get(t)!, timeZone)] : [])),
    history: versionsNewestFirst.map((v) => toNoteVersionView(v, timeZone)),
  };
}

import type { NoteTopic } from '../domain/records.js';
import type { Db } from './db.js';

/** What a member of staff writes down about a customer in one save: one text per topic, '' clears it. */
export interface NotesEntry {
  customerId: string;
  notes: Partial<Record<NoteTopic, string>>;
  /** Who wrote it (null: an integration without a staff id). */
  staffId: string | null;
  /** The task the notes were taken on, if any. */
  taskId?: string | null;
  /** When: the caller's clock, never the database's. */
  at: Date;
}

/**
 * Appends one version per topic given, all at `at`, inside the caller's transaction if it has one
 * (a task outcome records its notes with it). Nothing is updated: the newest version of a topic is
 * its current note, so a save that repeats the text still says who confirmed it and when.
 * Returns the number of versions written (0 for an unknown customer).
 */
export async function recordNotes(db: Db, entry: NotesEntry): Promise<number> {
  const topics = Object.keys(entry.notes) as NoteTopic[];
  if (topics.length === 0) return 0;
  const rows = await db.query<{ id: number }>(
    `INSERT INTO customer_notes (store_id, customer_id, topic, text, staff_id, task_id, at, source)
     SELECT c.store_id, c.id, n.topic, n.text, $3, $4, $5, 'staff'
       FROM customers c, unnest($2::text[], $6::text[]) WITH ORDINALITY AS n (topic, text, ord)
      WHERE c.id = $1
      ORDER BY n.ord
     RETURNING id`,
    [entry.customerId, topics, entry.staffId, entry.taskId ?? null, entry.at, topics.map((t) => entry.notes[t]!.trim())],
  );
  return rows.length;
}

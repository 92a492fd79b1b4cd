import { scopeSql, type Scope } from '../auth/scope.js';
import { noteTopics, type NoteTopic } from '../domain/records.js';
import type { Db } from './db.js';

/** One saved version of one topic of a customer's notes, as stored (text unmasked). */
export interface NoteVersion {
  id: number;
  topic: NoteTopic;
  /** '' = the topic was cleared by this version. */
  text: string;
  staffId: string | null;
  staffName: string | null;
  taskId: string | null;
  at: Date;
  source: 'staff' | 'import';
}

interface VersionRow {
  id: number; topic: NoteTopic; text: string; staff_id: string | null; staff_name: string | null; task_id: string | null; at: Date; source: 'staff' | 'import';
}
const toVersion = (r: VersionRow): NoteVersion => ({
  id: r.id, topic: r.topic, text: r.text, staffId: r.staff_id, staffName: r.staff_name, taskId: r.task_id, at: r.at, source: r.source,
});

/**
 * Every version of a customer's notes, newest first (the same instant: the later save first);
 * with `until`, only those written by then (a script as of a moment knows nothing later).
 */
export async function listNoteVersions(db: Db, customerId: string, until?: Date): Promise<NoteVersion[]> {
  const rows = await db.query<VersionRow>(
    `SELECT n.id, n.topic, n.text, n.staff_id, s.name AS staff_name, n.task_id, n.at, n.source
       FROM customer_notes n LEFT JOIN staff s ON s.id = n.staff_id
      WHERE n.customer_id = $1 AND ($2::timestamptz IS NULL OR n.at <= $2) ORDER BY n.at DESC, n.id DESC`,
    [customerId, until ?? null],
  );
  return rows.map(toVersion);
}

/** The current note of each topic that has one: its newest version (a cleared one included, text ''). */
export function currentNotes(versionsNewestFirst: readonly NoteVersion[]): Map<NoteTopic, NoteVersion> {
  const current = new Map<NoteTopic, NoteVersion>();
  for (const v of versionsNewestFirst) if (!current.has(v.topic)) current.set(v.topic, v);
  return current;
}

/** The current texts by topic as of `until`, '' for a cleared one: what scripts are filled from. */
export async function readCurrentNoteTexts(db: Db, customerId: string, until: Date): Promise<Partial<Record<NoteTopic, string>>> {
  const texts: Partial<Record<NoteTopic, string>> = {};
  for (const [topic, v] of currentNotes(await listNoteVersions(db, customerId, until))) texts[topic] = v.text;
  return texts;
}

/** A current, non-empty note of a customer in scope, with what an export shows beside it. */
export interface CurrentNoteRow {
  customerId: string;
  customerName: string;
  storeName: string;
  timeZone: string;
  topic: NoteTopic;
  text: string;
  staffId: string | null;
  staffName: string | null;
  at: Date;
}

/**
 * The current notes of every customer in `scope` (or of one customer), by customer then topic
 * in the topics' order; cleared topics are left out. At most `limit` rows.
 */
export async function listCurrentNotes(db: Db, scope: Scope, options: { customerId?: string | undefined; limit: number }): Promise<CurrentNoteRow[]> {
  const params: unknown[] = [];
  const inScope = scopeSql(scope, params, 'c');
  params.push(options.customerId ?? null, [...noteTopics], options.limit);
  const n = params.length;
  const rows = await db.query<{
    customer_id: string; customer_name: string; store_name: string; time_zone: string; topic: NoteTopic; text: string;
    staff_id: string | null; staff_name: string | null; at: Date;
  }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (n.customer_id, n.topic) n.customer_id, c.name AS customer_name, st.name AS store_name, st.time_zone,
              n.topic, n.text, n.staff_id, s.name AS staff_name, n.at
         FROM customer_notes n
         JOIN customers c ON c.id = n.customer_id
         JOIN stores st ON st.id = c.store_id
         LEFT JOIN staff s ON s.id = n.staff_id
        WHERE ${inScope} AND ($${n - 2}::text IS NULL OR n.customer_id = $${n - 2})
        ORDER BY n.customer_id, n.topic, n.at DESC, n.id DESC) latest
      WHERE text <> ''
      ORDER BY customer_id, array_position($${n - 1}::text[], topic)
      LIMIT $${n}`,
    params,
  );
  return rows.map((r) => ({
    customerId: r.customer_id, customerName: r.customer_name, storeName: r.store_name, timeZone: r.time_zone, topic: r.topic,
    text: r.text, staffId: r.staff_id, staffName: r.staff_name, at: r.at,
  }));
}

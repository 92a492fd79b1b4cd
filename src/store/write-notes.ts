import { toInstant } from '../domain/dates.js';
import type { Note } from '../domain/records.js';
import type { Db } from './db.js';
import { lookupCustomerHomes } from './lookup-customers.js';
import { existingIds, fillIn, INSERTED, rejected, UNCHANGED, type WriteOutcome, type WriteResult } from './write-outcome.js';

/** What identifies an imported note: customer, topic and instant (the same note written again is the same line). */
const keyOf = (customerId: string, topic: string, at: number) => `${customerId}\u0000${topic}\u0000${at}`;

/**
 * Appends imported notes as versions (source 'import'). A note of an unknown customer is rejected on
 * `customerId`, one naming an unknown staff member on `staffId`. Re-importing is a no-op: a note
 * whose customer, topic and instant are already stored is unchanged when it says the same, and
 * rejected when it says something else (a version is never rewritten; the stored one stays, as
 * an event id with other content does). No evaluation depends on notes: nobody is affected.
 */
export async function writeNotes(db: Db, notes: readonly Note[]): Promise<WriteResult> {
  const homes = await lookupCustomerHomes(db, notes.map((n) => n.customerId));
  const staff = await existingIds(db, 'staff', notes.flatMap((n) => (n.staffId ? [n.staffId] : [])));
  const outcomes: (WriteOutcome | undefined)[] = notes.map((n) =>
    !homes.has(n.customerId) ? rejected('customerId', `unknown customer "${n.customerId}"`)
      : n.staffId && !staff.has(n.staffId) ? rejected('staffId', `unknown staff "${n.staffId}"`)
        : undefined,
  );
  const at = notes.map((n) => (homes.has(n.customerId) ? toInstant(n.at, homes.get(n.customerId)!.timeZone) : NaN));
  const candidates = notes.flatMap((n, i) => (outcomes[i] === undefined ? [i] : []));
  const stored = await storedTexts(db, candidates.map((i) => ({ customerId: notes[i]!.customerId, topic: notes[i]!.topic, at: at[i]! })));
  const fresh: number[] = [];
  for (const i of candidates) {
    const n = notes[i]!;
    const key = keyOf(n.customerId, n.topic, at[i]!);
    const text = n.text ?? '';
    const before = stored.get(key);
    if (before === undefined) {
      // A later line of this batch with the same key meets this one like a stored version.
      stored.set(key, { text, staffId: n.staffId ?? null });
      fresh.push(i);
    } else if (before.text === text && before.staffId === (n.staffId ?? null)) outcomes[i] = UNCHANGED;
    else outcomes[i] = rejected('text', `another ${n.topic} note of customer "${n.customerId}" is recorded at ${n.at}; the stored one stays`);
  }
  if (fresh.length > 0) {
    await db.query(
      `INSERT INTO customer_notes (store_id, customer_id, topic, text, staff_id, at, source)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])`,
      [fresh.map((i) => homes.get(notes[i]!.customerId)!.storeId), fresh.map((i) => notes[i]!.customerId), fresh.map((i) => notes[i]!.topic),
        fresh.map((i) => notes[i]!.text ?? ''), fresh.map((i) => notes[i]!.staffId ?? null), fresh.map((i) => new Date(at[i]!)), fresh.map(() => 'import')],
    );
  }
  return { outcomes: fillIn(outcomes, fresh.map(() => INSERTED)), affectedCustomerIds: [] };
}

/** The stored versions at the given keys (the newest one where a key holds several). */
async function storedTexts(db: Db, keys: { customerId: string; topic: string; at: number }[]): Promise<Map<string, { text: string; staffId: string | null }>> {
  const found = new Map<string, { text: string; staffId: string | null }>();
  if (keys.length === 0) return found;
  const rows = await db.query<{ customer_id: string; topic: string; at: Date; text: string; staff_id: string | null }>(
    `SELECT DISTINCT ON (n.customer_id, n.topic, n.at) n.customer_id, n.topic, n.at, n.text, n.staff_id
       FROM customer_notes n JOIN unnest($1::text[], $2::text[], $3::timestamptz[]) AS k (customer_id, topic, at)
         ON n.customer_id = k.customer_id AND n.topic = k.topic AND n.at = k.at
      ORDER BY n.customer_id, n.topic, n.at, n.id DESC`,
    [keys.map((k) => k.customerId), keys.map((k) => k.topic), keys.map((k) => new Date(k.at))],
  );
  for (const r of rows) found.set(keyOf(r.customer_id, r.topic, r.at.getTime()), { text: r.text, staffId: r.staff_id });
  return found;
}

import type { FieldError } from '../domain/validate-record.js';
import type { Db } from './db.js';

/** What happened to one record sent to a writer. */
export type WriteOutcome =
  | { status: 'inserted' | 'updated' | 'unchanged' }
  | { status: 'rejected'; error: FieldError };

/** Outcomes parallel to the input array, and the customers whose evaluation may have changed. */
export interface WriteResult {
  outcomes: WriteOutcome[];
  affectedCustomerIds: string[];
}

// Shared instances: a batch of 5,000 records should not allocate 5,000 identical objects.
export const INSERTED: WriteOutcome = Object.freeze({ status: 'inserted' });
export const UPDATED: WriteOutcome = Object.freeze({ status: 'updated' });
export const UNCHANGED: WriteOutcome = Object.freeze({ status: 'unchanged' });

export function rejected(field: string, reason: string): WriteOutcome {
  return { status: 'rejected', error: { field, reason } };
}

/**
 * Runs `write` over runs of `values` in which no key repeats. One INSERT ... ON CONFLICT
 * statement cannot touch the same row twice (DO UPDATE errors, DO NOTHING silently skips
 * the second), so a repeated key starts a new statement and the later record is compared
 * against the earlier one like any re-sent record.
 */
export async function inUniqueRuns<T>(
  values: readonly T[],
  key: (value: T) => string,
  write: (run: T[]) => Promise<WriteResult>,
): Promise<WriteResult> {
  const outcomes: WriteOutcome[] = [];
  const affected = new Set<string>();
  let run: T[] = [];
  let seen = new Set<string>();
  const flush = async () => {
    if (run.length === 0) return;
    const result = await write(run);
    for (const o of result.outcomes) outcomes.push(o);
    for (const id of result.affectedCustomerIds) affected.add(id);
    run = [];
    seen = new Set();
  };
  for (const value of values) {
    const k = key(value);
    if (seen.has(k)) await flush();
    seen.add(k);
    run.push(value);
  }
  await flush();
  return { outcomes, affectedCustomerIds: [...affected] };
}

/** Rows an upsert's `RETURNING id, (xmax = 0) AS inserted` gave back: inserted or updated; absent = unchanged. */
export function upsertOutcomes(ids: readonly string[], returned: { id: string; inserted: boolean }[]): WriteOutcome[] {
  const byId = new Map(returned.map((r) => [r.id, r.inserted ? INSERTED : UPDATED]));
  return ids.map((id) => byId.get(id) ?? UNCHANGED);
}

/** The ids among `ids` that exist in `table` (a fixed table name, never user input). */
export async function existingIds(
  db: Db,
  table: 'stores' | 'staff' | 'customers',
  ids: Iterable<string>,
): Promise<Set<string>> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1::text[])`, [distinct]);
  return new Set(rows.map((r) => r.id));
}

/** Puts `written` (the outcomes of the records not yet decided, in order) into the holes of `outcomes`. */
export function fillIn(outcomes: (WriteOutcome | undefined)[], written: WriteOutcome[]): WriteOutcome[] {
  let j = 0;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === undefined) outcomes[i] = written[j++];
  return outcomes as WriteOutcome[];
}

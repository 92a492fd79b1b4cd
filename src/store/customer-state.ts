import type { RetainEvent } from '../domain/records.js';
import type { Db } from './db.js';
import { emptyStagingTable } from './staging-table.js';

/** The records of a state (migration 015), one JSON document per line: JSON escapes every line break inside a value. */
export function parseStateRecords(text: string): RetainEvent[] {
  return text === '' ? [] : (JSON.parse(`[${text.replaceAll('\n', ',')}]`) as RetainEvent[]);
}

export function stateRecordsText(events: readonly RetainEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n');
}

const COLUMNS = ['customer_id', 'revision', 'compacted_to', 'events'] as const;

/**
 * Writes compacted or rebuilt states (COPY text in COLUMNS order, the revision being the one
 * read; records \N: only the cutoff changes) back, each only if its revision is still that one: a state that an import or the API
 * appended to in the meantime keeps its events and is compacted by a later run. Returns how
 * many were written.
 */
export async function saveStates(db: Db, rows: string, format: number): Promise<number> {
  if (rows === '') return 0;
  return db.transaction(async (tx) => {
    await emptyStagingTable(tx, 'state_staging', '(customer_id text, revision bigint, compacted_to date, events text)');
    await tx.copyIn('state_staging', COLUMNS, rows);
    const written = await tx.query(
      `UPDATE customer_state AS s SET events = coalesce(n.events, s.events), compacted_to = n.compacted_to, format = $1
         FROM state_staging AS n WHERE s.customer_id = n.customer_id AND s.revision = n.revision RETURNING 1`,
      [format],
    );
    return written.length;
  });
}

/**
 * Rebuilds every customer's state from the event log, unthinned (the next run thins it). The
 * table lock makes appends wait: one that logged its events earlier has appended them, and one
 * that logs them later appends them to the rebuilt state.
 */
export async function rebuildStates(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.exec('LOCK TABLE customer_state IN SHARE ROW EXCLUSIVE MODE');
    await tx.exec('DELETE FROM customer_state');
    const [row] = await tx.query<{ n: number }>(
      `WITH rebuilt AS (
         INSERT INTO customer_state (customer_id, events)
         SELECT customer_id, string_agg(record::text, E'\\n' ORDER BY at, id) FROM events GROUP BY customer_id RETURNING 1)
       SELECT count(*)::int AS n FROM rebuilt`,
    );
    return row!.n;
  });
}

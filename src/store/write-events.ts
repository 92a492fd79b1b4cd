import type { RetainEvent } from '../domain/records.js';
import { appendRowsToState, appendToStateSql } from './append-state.js';
import { DEADLOCK, DUPLICATE_KEY, sqlState, type Db } from './db.js';
import { EVENT_COLUMNS, EventRowsBuilder, fieldsOfLine, recordOfLine, splitEventRows, unknownCustomer, type EventRows } from './event-rows.js';
import { lookupCustomerHomes } from './lookup-customers.js';
import { sameJson } from './same-json.js';
import { inUniqueRuns, rejected, INSERTED, UNCHANGED, type WriteOutcome, type WriteResult } from './write-outcome.js';

/**
 * Appends events. The log is append-only: an id seen before with the same content is a no-op
 * (unchanged); the same id with different content is rejected as a duplicate and the stored
 * event stays. An event of an unknown customer is rejected on `customerId`.
 */
export async function writeEvents(db: Db, events: readonly RetainEvent[]): Promise<WriteResult> {
  const homes = await lookupCustomerHomes(db, events.map((e) => e.customerId));
  const rows = new EventRowsBuilder();
  const known = events.map((e) => {
    const home = homes.get(e.customerId);
    if (home) rows.add(e, home);
    return home !== undefined;
  });
  const written = await appendEventRows(db, rows.build());
  let j = 0;
  const outcomes = events.map((e, i): WriteOutcome => (known[i] ? written.outcomes[j++]! : { status: 'rejected', error: unknownCustomer(e.customerId) }));
  return { outcomes, affectedCustomerIds: written.affectedCustomerIds };
}

/** Up to this many rows go in by one INSERT: for an API call's few events, round trips cost more than the server's time. */
const DIRECT_UP_TO = 16;

/**
 * Appends rows of events of known customers (see writeEvents); outcomes come back in input
 * order. A few rows go in by one INSERT ... ON CONFLICT DO NOTHING, which skips stored ids.
 * Beyond that, COPY is the cheapest way in for both databases (about half the server time of
 * an INSERT ... SELECT ... ON CONFLICT) but cannot skip a row, so a batch goes one of two ways:
 * new events (the usual case: its first and last ids are not stored) are copied at once;
 * when an id is stored or repeats, the copy fails, writes nothing, and the batch takes the
 * careful way, which looks every id up first.
 */
export async function appendEventRows(db: Db, rows: EventRows): Promise<WriteResult> {
  if (rows.ids.length === 0) return { outcomes: [], affectedCustomerIds: [] };
  if (rows.ids.length <= DIRECT_UP_TO) return inUniqueRuns(splitEventRows(rows), (r) => r.id, async (run) => outcomesOf(run, await insertUnstored(db, run)));
  if (await copyAllNew(db, rows)) return { outcomes: rows.ids.map(() => INSERTED), affectedCustomerIds: [...new Set(rows.customerIds)] };
  return inUniqueRuns(splitEventRows(rows), (r) => r.id, async (run) => outcomesOf(run, await copyUnstored(db, run)));
}

async function copyAllNew(db: Db, rows: EventRows): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      const ends = [rows.ids[0]!, rows.ids[rows.ids.length - 1]!];
      if ((await tx.query('SELECT 1 FROM events WHERE id = ANY($1::text[]) LIMIT 1', [ends])).length > 0) return false;
      await tx.copyIn('events', EVENT_COLUMNS, rows.text);
      await appendRowsToState(tx, rows.customerIds, rows.text.split('\n'));
      return true;
    });
  } catch (err) {
    if (sqlState(err) === DUPLICATE_KEY || sqlState(err) === DEADLOCK) return false;
    throw err;
  }
}

type Row = ReturnType<typeof splitEventRows>[number];

/** Outcomes of rows whose ids do not repeat, given the stored records of those that were not written. */
function outcomesOf(rows: Row[], stored: Map<string, unknown>): WriteResult {
  const affected = new Set<string>();
  const outcomes = rows.map((r) => {
    if (!stored.has(r.id)) {
      affected.add(r.customerId);
      return INSERTED;
    }
    return sameJson(JSON.parse(recordOfLine(r.line)), stored.get(r.id))
      ? UNCHANGED
      : rejected('id', `duplicate id "${r.id}": an event with this id and different content exists (it is kept)`);
  });
  return { outcomes, affectedCustomerIds: [...affected] };
}

/** Inserts the rows whose id is not stored yet (one statement, nothing to undo, states included) and returns the stored records of the others. */
async function insertUnstored(db: Db, rows: Row[]): Promise<Map<string, unknown>> {
  const fields = rows.map((r) => fieldsOfLine(r.line));
  // One statement logs the events and appends them to their customers' states.
  const inserted = new Set((await db.query<{ id: string }>(
    `WITH logged AS (
       INSERT INTO events (${EVENT_COLUMNS.join(', ')})
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::date[], $7::json[])
       ON CONFLICT (id) DO NOTHING RETURNING customer_id, at, id, record),
     state AS (${appendToStateSql('SELECT * FROM logged')})
     SELECT id FROM logged`,
    EVENT_COLUMNS.map((_, k) => fields.map((f) => f[k])),
  )).map((r) => r.id));
  const others = rows.filter((r) => !inserted.has(r.id)).map((r) => r.id);
  if (others.length === 0) return new Map();
  const existing = await db.query<{ id: string; record: unknown }>('SELECT id, record FROM events WHERE id = ANY($1::text[])', [others]);
  return new Map(existing.map((r) => [r.id, r.record]));
}

/**
 * Copies the rows whose id is not stored yet and returns the stored records of the others.
 * Another session may append one of them in between, or two batches may wait on each other's
 * ids (a deadlock): the copy then wrote nothing, and the lookup runs again.
 */
async function copyUnstored(db: Db, rows: Row[]): Promise<Map<string, unknown>> {
  const ids = rows.map((r) => r.id);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const existing = await tx.query<{ id: string; record: unknown }>('SELECT id, record FROM events WHERE id = ANY($1::text[])', [ids]);
        const stored = new Map(existing.map((r) => [r.id, r.record]));
        const fresh = rows.filter((r) => !stored.has(r.id));
        if (fresh.length > 0) {
          await tx.copyIn('events', EVENT_COLUMNS, fresh.map((r) => r.line).join(''));
          await appendRowsToState(tx, fresh.map((r) => r.customerId), fresh.map((r) => r.line));
        }
        return stored;
      });
    } catch (err) {
      if ((sqlState(err) !== DUPLICATE_KEY && sqlState(err) !== DEADLOCK) || attempt >= 5) throw err;
    }
  }
}

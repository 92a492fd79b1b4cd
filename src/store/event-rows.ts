import { formatDay, localDay, toInstant } from '../domain/dates.js';
import type { FieldError } from '../domain/validate-record.js';
import type { RetainEvent } from '../domain/records.js';
import { copyField, fromCopyField } from './copy-text.js';
import type { CustomerHome } from './lookup-customers.js';

/**
 * Events ready to append: rows of the `events` table as COPY text, one line per event, with
 * each one's id and customer. Built without a database, so the import builds them in a
 * worker thread and the main thread sends the text as it is.
 */
export interface EventRows {
  ids: string[];
  customerIds: string[];
  text: string;
}

export const EVENT_COLUMNS = ['id', 'store_id', 'customer_id', 'type', 'at', 'day', 'record'] as const;
const RECORD_FIELD = EVENT_COLUMNS.indexOf('record');

/** The write-time rejection of an event whose customer is not stored. */
export function unknownCustomer(customerId: string): FieldError {
  return { field: 'customerId', reason: `unknown customer "${customerId}"` };
}

/**
 * A timestamp with its offset and at most milliseconds, which the database reads as exactly
 * the instant toInstant gives: written as it came, saving a Date per event. Others (local wall
 * time, a bare date, finer fractions) are written as the computed instant.
 */
const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Collects the rows of events of known customers. */
export class EventRowsBuilder {
  private readonly rows: EventRows = { ids: [], customerIds: [], text: '' };

  get size(): number {
    return this.rows.ids.length;
  }

  /** Adds an event: its customer's store, `at` as the instant and `day` as the store-local date. */
  add(e: RetainEvent, home: CustomerHome): void {
    const record = JSON.stringify(e);
    const instant = toInstant(e.at, home.timeZone);
    const at = EXACT_INSTANT.test(e.at) ? e.at : new Date(instant).toISOString();
    const day = formatDay(localDay(e.at, home.timeZone, instant));
    // JSON escapes every backslash, tab and line break inside a string with a backslash, so a
    // record without one holds none, and neither do the id and customer id written inside it.
    const plain = !record.includes('\\');
    const id = plain ? e.id : copyField(e.id);
    const customerId = plain ? e.customerId : copyField(e.customerId);
    this.rows.text += `${id}\t${copyField(home.storeId)}\t${customerId}\t${e.type}\t${at}\t${day}\t${plain ? record : copyField(record)}\n`;
    this.rows.ids.push(e.id);
    this.rows.customerIds.push(e.customerId);
  }

  build(): EventRows {
    return this.rows;
  }
}

/** Each row of `rows` on its own (COPY text escapes line breaks, so lines are rows). */
export function splitEventRows(rows: EventRows): { id: string; customerId: string; line: string }[] {
  const lines = rows.text.split('\n');
  return rows.ids.map((id, i) => ({ id, customerId: rows.customerIds[i]!, line: `${lines[i]!}\n` }));
}

/** The column values of a row line, in EVENT_COLUMNS order. */
export function fieldsOfLine(line: string): string[] {
  return line.slice(0, -1).split('\t').map(fromCopyField);
}

/** The record JSON of a row line. */
export function recordOfLine(line: string): string {
  return fieldsOfLine(line)[RECORD_FIELD]!;
}


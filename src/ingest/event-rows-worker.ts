import { parentPort, workerData } from 'node:worker_threads';
import type { FieldError } from '../domain/validate-record.js';
import { EventRowsBuilder, unknownCustomer, type EventRows } from '../store/event-rows.js';
import type { CustomerHome } from '../store/lookup-customers.js';
import { jsonlItems } from './read-jsonl.js';
import { validated, type ValidatedItem } from './read-validated.js';

/**
 * A worker thread of an events file import (read-event-rows.ts): turns blocks of JSON Lines
 * into rows (parsing, validation, JSON, instant, local day, COPY text), so the main thread
 * only talks to the database. The homes of customers (store, time zone) come from the main
 * thread; blocks are answered in the order they came.
 */

/** What the worker starts with: homes known already, as customer ids and an index into `stores`. */
export interface EventRowsJob {
  homes?: { customerIds: string[]; store: Int32Array; stores: [storeId: string, timeZone: string][] };
  /** The import's time (ms), which events may not be dated days after. */
  now?: number;
}

/** Main → worker: a block of whole lines, or the answer to a question about homes. */
export type ToWorker =
  | { type: 'block'; block: number; bytes: Uint8Array }
  | { type: 'homes'; request: number; homes: [id: string, storeId: string, timeZone: string][] };

/** Worker → main: a question about homes (unknown customers are left out of the answer), or a block's rows. */
export type FromWorker = { type: 'homes'; request: number; customerIds: string[] } | { type: 'rows'; block: number; rows: BlockRows };

/** Line numbers count from the block's first line, 1. */
export interface BlockRows {
  /** Lines in the block, blank ones included. */
  lines: number;
  /** Records read, good or not. */
  read: number;
  rows: EventRows;
  /** Line of each row. */
  rowLines: number[];
  /** Records rejected before the database: invalid, or of an unknown customer. */
  rejected: { line: number; errors: FieldError[] }[];
}

type Homes = Map<string, CustomerHome | null>;

// Homes already learnt; null: not a stored customer (the events file comes after the
// customers, which it does not change). Some 150 bytes each: bounded well inside the reader's
// heap (READER_HEAP_MB in read-event-rows.ts); past it the cache starts again.
const MAX_CACHED_HOMES = 500_000;
const cache: Homes = new Map();
const { homes: known, now: nowMs } = (workerData as { job: EventRowsJob }).job;
const now = nowMs === undefined ? undefined : new Date(nowMs);
if (known) {
  const stores = known.stores.map(([storeId, timeZone]) => ({ storeId, timeZone }));
  known.customerIds.forEach((id, i) => cache.set(id, stores[known.store[i]!]!));
}
const replies = new Map<number, (homes: (ToWorker & { type: 'homes' })['homes']) => void>();
let nextRequest = 0;
const port = parentPort!;

/** The homes of a block's customers: from the cache, the rest asked for at once. */
async function homesOf(items: ValidatedItem<'events'>[]): Promise<Homes> {
  const homes: Homes = new Map();
  const missing: string[] = [];
  for (const item of items) {
    const id = item.value?.customerId;
    if (id === undefined || homes.has(id)) continue;
    const home = cache.get(id);
    homes.set(id, home ?? null);
    if (home === undefined) missing.push(id);
  }
  if (missing.length === 0) return homes;
  const request = nextRequest++;
  const reply = new Promise<(ToWorker & { type: 'homes' })['homes']>((resolve) => replies.set(request, resolve));
  port.postMessage({ type: 'homes', request, customerIds: missing } satisfies FromWorker);
  const found = await reply;
  if (cache.size + missing.length > MAX_CACHED_HOMES) cache.clear();
  for (const id of missing) cache.set(id, null);
  for (const [id, storeId, timeZone] of found) {
    const home = { storeId, timeZone };
    homes.set(id, home);
    cache.set(id, home);
  }
  return homes;
}

function rowsOf(items: ValidatedItem<'events'>[], lines: number, homes: Homes): BlockRows {
  const rows = new EventRowsBuilder();
  const block: Omit<BlockRows, 'rows'> = { lines, read: items.length, rowLines: [], rejected: [] };
  for (const item of items) {
    if (item.errors) {
      block.rejected.push({ line: item.line, errors: item.errors });
      continue;
    }
    const home = homes.get(item.value.customerId);
    if (!home) block.rejected.push({ line: item.line, errors: [unknownCustomer(item.value.customerId)] });
    else {
      rows.add(item.value, home);
      block.rowLines.push(item.line);
    }
  }
  return { ...block, rows: rows.build() };
}

const decoder = new TextDecoder();
// A block is parsed and validated when it arrives and its homes asked for at once; its rows
// follow once they are known, in block order.
let answered = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.type === 'homes') {
    replies.get(m.request)!(m.homes);
    replies.delete(m.request);
    return;
  }
  const { items: read, lines } = jsonlItems(decoder.decode(m.bytes), 0);
  const items = read.map((item) => validated('events', item, now));
  const homes = homesOf(items);
  answered = answered.then(async () => {
    port.postMessage({ type: 'rows', block: m.block, rows: rowsOf(items, lines, await homes) } satisfies FromWorker);
  });
});

import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { FieldError } from '../domain/validate-record.js';
import type { EventRows } from '../store/event-rows.js';
import type { CustomerHome } from '../store/lookup-customers.js';
import type { BlockRows, EventRowsJob, FromWorker, ToWorker } from './event-rows-worker.js';
import type { ImportFile } from './list-import-files.js';

/** Below this size an events file is read on the main thread: starting a worker costs ~0.3 s. */
export const WORKER_FROM_BYTES = 8 * 1024 * 1024;

/** Rows of a batch of records, with file line numbers. */
export interface EventRowsBatch {
  /** Records read, good or not. */
  read: number;
  rows: EventRows;
  /** File line of each row. */
  lines: number[];
  /** Records rejected before the database: invalid, or of an unknown customer. */
  rejected: { line: number; errors: FieldError[] }[];
  /** Bytes of the file read up to the end of the batch. */
  bytesRead: number;
}

const READ_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];
// Blocks handed out per worker ahead of the one being consumed.
const WINDOW = 4;
// A reader's live data is its blocks and the homes it knows (a few tens of MB). Without a bound,
// V8 left the garbage of a long import uncollected: a 0.5 GiB file's import grew from 548 to
// 860 MiB, and a 2 GiB one passed 1.2 GiB; bounded, it stays near 450 MiB at the same speed.
const READER_HEAP_MB = 256;

/**
 * Reads a JSON Lines events file in worker threads (event-rows-worker.ts) and yields its rows
 * in batches of `batchSize` lines, in file order. Parsing, validation and building rows cost
 * more than writing them: this thread only cuts the file into blocks of lines (without
 * decoding it) and hands them out in turn, so the workers and the database work at once.
 * The workers start with `homes.known` and ask `homes.lookup` about other customers: every
 * question waits for the database, which for PGlite means the end of the batch being written.
 */
export async function* readEventRows(
  file: ImportFile & { kind: 'events' },
  batchSize: number,
  threads: number,
  homes: { known?: Map<string, CustomerHome> | undefined; lookup: (customerIds: string[]) => Promise<Map<string, CustomerHome>> },
  now?: Date,
): AsyncGenerator<EventRowsBatch> {
  const job: EventRowsJob = { ...(homes.known ? { homes: compactHomes(homes.known) } : {}), ...(now ? { now: now.getTime() } : {}) };
  const done = new Map<number, BlockRows>();
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (err: unknown) => {
    failure ??= err;
    notify();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { module: new URL('./event-rows-worker.ts', import.meta.url).href, job },
      resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB },
    });
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'rows') {
        done.set(m.block, m.rows);
        notify();
        return;
      }
      homes.lookup(m.customerIds).then((found) => {
        const answer: ToWorker = { type: 'homes', request: m.request, homes: [...found].map(([id, h]) => [id, h.storeId, h.timeZone]) };
        worker.postMessage(answer);
      }, fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`an events reader stopped (exit code ${code})`)));
    return worker;
  });

  const handle = await open(file.path);
  const ends: number[] = []; // bytes read at the end of each block handed out
  let handedOut = 0;
  let exhausted = false;
  let next = 0; // the block to yield next
  let stopped = false;
  let pumpWake: (() => void) | undefined;
  // Hands blocks out ahead of the consumer, so the workers parse and ask about homes while
  // the main thread waits for the database: up to WINDOW blocks per worker.
  const pump = async () => {
    const blocks = blocksOf(handle, batchSize);
    for (;;) {
      while (!stopped && handedOut - next >= WINDOW * threads) await new Promise<void>((resolve) => (pumpWake = resolve));
      const step = stopped ? undefined : await blocks.next();
      if (!step || step.done) break;
      const { bytes, end } = step.value;
      ends.push(end);
      const block: ToWorker = { type: 'block', block: handedOut, bytes };
      workers[handedOut % threads]!.postMessage(block, [bytes.buffer as ArrayBuffer]);
      handedOut++;
      notify();
    }
    exhausted = true;
    notify();
  };
  const pumping = pump().catch(fail);
  try {
    let lineBefore = 0;
    for (; ; next++) {
      pumpWake?.();
      while (!done.has(next)) {
        if (failure) throw failure;
        if (exhausted && next === handedOut) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const block = done.get(next)!;
      done.delete(next);
      yield {
        read: block.read,
        rows: block.rows,
        lines: block.rowLines.map((l) => l + lineBefore),
        rejected: block.rejected.map((r) => ({ line: r.line + lineBefore, errors: r.errors })),
        bytesRead: ends[next]!,
      };
      lineBefore += block.lines;
    }
  } finally {
    stopped = true;
    pumpWake?.();
    await pumping;
    await handle.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Homes in a form cheap to copy to a thread: a store index per customer. */
function compactHomes(homes: Map<string, CustomerHome>): NonNullable<EventRowsJob['homes']> {
  const stores: [string, string][] = [];
  const index = new Map<string, number>();
  const store = new Int32Array(homes.size);
  let i = 0;
  for (const { storeId, timeZone } of homes.values()) {
    const key = `${storeId}\t${timeZone}`;
    let n = index.get(key);
    if (n === undefined) index.set(key, (n = stores.push([storeId, timeZone]) - 1));
    store[i++] = n;
  }
  return { customerIds: [...homes.keys()], store, stores };
}

/**
 * The file in blocks of `lines` whole lines (the last may be shorter), without a leading BOM,
 * each in a buffer of its own (to be transferred), with the file offset of its end. Lines are
 * cut at \n bytes, which UTF-8 never uses inside a character.
 */
async function* blocksOf(handle: FileHandle, lines: number): AsyncGenerator<{ bytes: Uint8Array; end: number }> {
  let pending = Buffer.alloc(0);
  let offset = 0; // file offset of the end of what was handed out or skipped
  let eof = false;
  let bomChecked = false;
  for (;;) {
    const cut = afterLines(pending, lines);
    if (cut === -1 && !eof) {
      const chunk = Buffer.allocUnsafe(READ_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, READ_BYTES, null);
      eof = bytesRead === 0;
      pending = Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
      if (!bomChecked && (pending.length >= BOM.length || eof)) {
        bomChecked = true;
        if (BOM.every((b, i) => pending[i] === b)) {
          pending = pending.subarray(BOM.length);
          offset = BOM.length;
        }
      }
      continue;
    }
    const size = cut === -1 ? pending.length : cut;
    if (size === 0) return;
    const bytes = new Uint8Array(size);
    bytes.set(pending.subarray(0, size));
    pending = pending.subarray(size);
    offset += size;
    yield { bytes, end: offset };
  }
}

/** The index just after the `lines`-th \n of `bytes`, or -1 when it holds fewer. */
function afterLines(bytes: Buffer, lines: number): number {
  let from = 0;
  for (let n = 0; n < lines; n++) {
    const nl = bytes.indexOf(NEWLINE, from);
    if (nl === -1) return -1;
    from = nl + 1;
  }
  return from;
}

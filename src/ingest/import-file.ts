import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RecordKind } from '../domain/records.js';
import type { FieldError } from '../domain/validate-record.js';
import type { Db } from '../store/db.js';
import { allCustomerHomes, lookupCustomerHomes } from '../store/lookup-customers.js';
import { appendEventRows } from '../store/write-events.js';
import type { WriteOutcome, WriteResult } from '../store/write-outcome.js';
import { inspectFile, type TextEncoding } from './inspect-file.js';
import type { ImportFile } from './list-import-files.js';
import { readEventRows, WORKER_FROM_BYTES } from './read-event-rows.js';
import { readValidated } from './read-validated.js';
import { DEFAULT_BATCH_SIZE, RecordBatcher, type BatcherOptions } from './record-batcher.js';
import type { FileSummary, ImportError } from './import-summary.js';

export interface ImportProgress {
  /** The file being read, relative to the imported path; the other figures are for this file. */
  file: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export interface FileImportContext {
  onProgress?: ((p: ImportProgress) => void) | undefined;
  batchSize?: number | undefined;
  /** Batches in flight at once (see RecordBatcher). */
  concurrency?: number | undefined;
  /** JSON Lines events files from this size on are read in worker threads (default WORKER_FROM_BYTES). */
  workerFromBytes?: number | undefined;
  /** Called for every error row (the caller decides how many to keep). */
  onError: (error: ImportError) => void;
  affectedCustomerIds: Set<string>;
  /** The import's time: events dated more than a day after it are rejected. */
  now?: Date | undefined;
}

const PROGRESS_EVERY = 2_000;
// Up to this many customers, the homes of all are loaded before an events file (~100 bytes a
// customer in each worker): asking batch by batch stalled PGlite, where a question waits for
// the batch being written, by a fifth of the import.
const PRELOADED_HOMES = 250_000;

/** What happened to the records of one file so far. */
class Tally {
  readonly summary: FileSummary;

  constructor(
    private readonly file: ImportFile,
    private readonly ctx: FileImportContext,
  ) {
    this.summary = { file: file.name, kind: file.kind, read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, seconds: 0 };
  }

  reject(line: number, errors: readonly FieldError[]): void {
    this.summary.rejected++;
    for (const e of errors) this.ctx.onError({ file: this.file.name, line, field: e.field, reason: e.reason });
  }

  readonly outcome = (line: number, outcome: WriteOutcome): void => {
    if (outcome.status === 'rejected') this.reject(line, [outcome.error]);
    else if (outcome.status === 'inserted') this.summary.imported++;
    else if (outcome.status === 'updated') this.summary.updated++;
    else this.summary.unchanged++;
  };

  progress(bytesRead: number): void {
    this.ctx.onProgress?.({ file: this.file.name, bytesRead, bytesTotal: this.file.bytes, records: this.summary.read });
  }
}

/** Streams one file through validation and the batched writers, counting what happened to each record. */
export async function importFile(db: Db, file: ImportFile, ctx: FileImportContext): Promise<FileSummary> {
  const started = performance.now(); // elapsed time for throughput only; no wall clock is read
  const tally = new Tally(file, ctx);
  const options: BatcherOptions = { batchSize: ctx.batchSize, concurrency: ctx.concurrency };
  const inspection = inspectFile(file.path);
  if (inspection.problem !== undefined) {
    // Refused as a whole: one error, counted as one rejected record so the import says it failed.
    tally.summary.read = 1;
    tally.reject(1, [{ field: '', reason: inspection.problem }]);
    return tally.summary;
  }
  if (inspection.encoding !== 'utf-8') tally.summary.encoding = inspection.encoding;
  const affected =
    isEventsFile(file) && file.format === 'jsonl' && inspection.encoding === 'utf-8' && file.bytes >= (ctx.workerFromBytes ?? WORKER_FROM_BYTES)
      ? await importEventRows(db, file, tally, options, ctx.now)
      : await importRecords(db, file, tally, options, { encoding: inspection.encoding, now: ctx.now });
  for (const id of affected) ctx.affectedCustomerIds.add(id);
  tally.summary.seconds = (performance.now() - started) / 1000;
  return tally.summary;
}

function isEventsFile(file: ImportFile): file is ImportFile & { kind: 'events' } {
  return file.kind === 'events';
}

/** Records read and validated on this thread, written by their kind's writer. */
async function importRecords<K extends RecordKind>(
  db: Db,
  file: ImportFile & { kind: K },
  tally: Tally,
  options: BatcherOptions,
  read: { encoding: TextEncoding; now: Date | undefined },
): Promise<Set<string>> {
  const batcher = new RecordBatcher(db, file.kind, tally.outcome, options);
  let bytesRead = () => 0;
  for await (const item of readValidated(file, (s) => (bytesRead = () => s.bytesRead), read)) {
    tally.summary.read++;
    if (item.errors) tally.reject(item.line, item.errors);
    else await batcher.add(item.line, item.value);
    if (tally.summary.read % PROGRESS_EVERY === 0) tally.progress(bytesRead());
  }
  await batcher.flush();
  tally.progress(bytesRead());
  return batcher.affectedCustomerIds;
}

/**
 * An events file turned into rows by worker threads (read-event-rows.ts) and appended here,
 * `concurrency` batches at once. Outcomes are counted in file order.
 */
async function importEventRows(
  db: Db,
  file: ImportFile & { kind: 'events' },
  tally: Tally,
  options: BatcherOptions,
  now: Date | undefined,
): Promise<Set<string>> {
  const affected = new Set<string>();
  const inFlight: { lines: number[]; result: Promise<WriteResult> }[] = [];
  const settleOldest = async () => {
    const { lines, result } = inFlight[0]!;
    try {
      const { outcomes, affectedCustomerIds } = await result;
      for (let i = 0; i < lines.length; i++) tally.outcome(lines[i]!, outcomes[i]!);
      for (const id of affectedCustomerIds) affected.add(id);
    } finally {
      inFlight.shift();
    }
  };
  let bytesRead = 0;
  // PGlite writes on this thread, which needs a core of its own; a server takes one more reader.
  const threads = Math.max(1, availableParallelism() - (db.kind === 'pglite' ? 1 : 0));
  const homes = { known: await allCustomerHomes(db, PRELOADED_HOMES), lookup: (ids: string[]) => lookupCustomerHomes(db, ids) };
  const batches = readEventRows(file, options.batchSize ?? DEFAULT_BATCH_SIZE, threads, homes, now);
  for await (const batch of batches) {
    tally.summary.read += batch.read;
    for (const r of batch.rejected) tally.reject(r.line, r.errors);
    while (inFlight.length >= Math.max(1, options.concurrency ?? 1)) await settleOldest();
    const result = appendEventRows(db, batch.rows);
    result.catch(() => undefined); // observed when settled; a failure stops the import there
    inFlight.push({ lines: batch.lines, result });
    bytesRead = batch.bytesRead;
    tally.progress(bytesRead);
  }
  while (inFlight.length > 0) await settleOldest();
  tally.progress(bytesRead);
  return affected;
}

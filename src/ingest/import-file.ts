import type { ReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Db } from '../store/db.js';
import type { WriteOutcome } from '../store/write-outcome.js';
import type { ImportFile } from './list-import-files.js';
import { readValidated } from './read-validated.js';
import { RecordBatcher } from './record-batcher.js';
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
  /** Called for every error row (the caller decides how many to keep). */
  onError: (error: ImportError) => void;
  affectedCustomerIds: Set<string>;
}

const PROGRESS_EVERY = 2_000;

/** Streams one file through validation and the batched writers, counting what happened to each record. */
export async function importFile(db: Db, file: ImportFile, ctx: FileImportContext): Promise<FileSummary> {
  const started = performance.now(); // elapsed time for throughput only; no wall clock is read
  const summary: FileSummary = { file: file.name, kind: file.kind, read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, seconds: 0 };
  const fail = (line: number, field: string, reason: string) => ctx.onError({ file: file.name, line, field, reason });
  const batcher = new RecordBatcher(
    db,
    file.kind,
    (line: number, outcome: WriteOutcome) => {
      if (outcome.status === 'rejected') {
        summary.rejected++;
        fail(line, outcome.error.field, outcome.error.reason);
      } else if (outcome.status === 'inserted') summary.imported++;
      else if (outcome.status === 'updated') summary.updated++;
      else summary.unchanged++;
    },
    { batchSize: ctx.batchSize, concurrency: ctx.concurrency },
  );
  let stream: ReadStream | undefined;
  const progress = () =>
    ctx.onProgress?.({ file: file.name, bytesRead: stream?.bytesRead ?? 0, bytesTotal: file.bytes, records: summary.read });
  for await (const item of readValidated(file, (s) => (stream = s))) {
    summary.read++;
    if (item.errors) {
      summary.rejected++;
      for (const e of item.errors) fail(item.line, e.field, e.reason);
    } else await batcher.add(item.line, item.value);
    if (summary.read % PROGRESS_EVERY === 0) progress();
  }
  await batcher.flush();
  for (const id of batcher.affectedCustomerIds) ctx.affectedCustomerIds.add(id);
  progress();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

import type { Db } from '../store/db.js';
import { refreshStatistics } from '../store/refresh-statistics.js';
import { importFile, type ImportProgress } from './import-file.js';
import { addCounts, emptyCounts, type FileSummary, type ImportError, type ImportSummary } from './import-summary.js';
import { listImportFiles } from './list-import-files.js';

export type { ImportProgress } from './import-file.js';
export type { FileSummary, ImportCounts, ImportError, ImportSummary } from './import-summary.js';

export interface ImportOptions {
  /** All or nothing: one transaction, rolled back if any record is rejected. */
  strict?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Error rows kept in the summary (default 10,000); the rest are only counted. */
  maxErrors?: number;
  /** Records per database round trip (default 5,000). */
  batchSize?: number;
  /** Event batches written at once on PostgreSQL outside strict mode (default 3). */
  concurrency?: number;
  /** JSON Lines events files from this size on are read in worker threads (default 8 MiB). */
  workerFromBytes?: number;
  /** The import's time: events dated more than a day after it are rejected as wrong dates. */
  now?: Date;
}

class Rollback extends Error {}

/**
 * Imports a directory of record files (stores, staff, customers, vehicles, events; in that
 * order) or a single file. Good records are kept beside rejected ones unless `strict`.
 * Re-importing the same data changes nothing: masters compare their stored record, events
 * are append-only by id.
 */
/** The tables an import writes in bulk. */
const IMPORTED_TABLES = ['customers', 'vehicles', 'events', 'customer_state'];

export async function importPath(db: Db, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const { files, skipped } = listImportFiles(path);
  const maxErrors = options.maxErrors ?? 10_000;
  const errors: ImportError[] = [];
  let errorsOmitted = 0;
  const affected = new Set<string>();
  const summaries: FileSummary[] = [];

  const run = async (tx: Db) => {
    for (const file of files) {
      const firstError = errors.length;
      summaries.push(
        await importFile(tx, file, {
          onProgress: options.onProgress,
          batchSize: options.batchSize,
          workerFromBytes: options.workerFromBytes,
          now: options.now,
          // A server with a pool takes event batches on several connections. Events only: they
          // do not depend on each other, where master batches may (upserts touching the same
          // rows). PGlite and a strict import's single transaction take one batch at a time.
          concurrency: file.kind === 'events' && !options.strict && db.kind === 'postgres' ? (options.concurrency ?? 3) : 1,
          affectedCustomerIds: affected,
          onError(error) {
            if (errors.length < maxErrors) errors.push(error);
            else errorsOmitted++;
          },
        }),
      );
      // Write-time rejections arrive a batch after validation errors; report the file in line order.
      const own = errors.splice(firstError).sort((a, b) => a.line - b.line);
      errors.push(...own);
    }
  };

  let rolledBack = false;
  if (!options.strict) await run(db);
  else {
    try {
      await db.transaction(async (tx) => {
        await run(tx);
        if (summaries.some((s) => s.rejected > 0)) throw new Rollback();
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
      rolledBack = true;
      for (const s of summaries) s.imported = s.updated = s.unchanged = 0;
      affected.clear();
    }
  }
  const total = emptyCounts();
  for (const s of summaries) addCounts(total, s);
  if (total.imported + total.updated > 0) await refreshStatistics(db, IMPORTED_TABLES);
  return {
    files: summaries,
    total,
    errors,
    errorsOmitted,
    skipped,
    affectedCustomerIds: [...affected].sort(),
    strict: options.strict ?? false,
    rolledBack,
  };
}

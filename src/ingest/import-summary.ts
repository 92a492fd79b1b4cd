import type { RecordKind } from '../domain/records.js';

export interface ImportCounts {
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface FileSummary extends ImportCounts {
  /** Relative to the imported path (the file name for a single file). */
  file: string;
  kind: RecordKind;
  /** Set when the file was not UTF-8 and was read as this encoding (inspect-file.ts). */
  encoding?: 'gb18030';
  /** Elapsed time reading and writing this file (for throughput figures). */
  seconds: number;
}

export interface ImportError {
  file: string;
  /** 1-based as in the file; a CSV header is line 1. */
  line: number;
  /** Dotted field path; '' when the whole line or record is at fault (broken JSON). */
  field: string;
  reason: string;
}

export interface ImportSummary {
  files: FileSummary[];
  total: ImportCounts;
  /** At most `maxErrors` rows; `errorsOmitted` counts the rest. */
  errors: ImportError[];
  errorsOmitted: number;
  /** Files in the directory that are not record files (by name and extension). */
  skipped: string[];
  /** Customers with a new event or a new or changed customer or vehicle record: re-evaluate them. */
  affectedCustomerIds: string[];
  strict: boolean;
  /** Strict mode found a rejected record: nothing was kept and imported/updated/unchanged are 0. */
  rolledBack: boolean;
}

export const emptyCounts = (): ImportCounts => ({ read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 });

export function addCounts(into: ImportCounts, from: ImportCounts): void {
  into.read += from.read;
  into.imported += from.imported;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
  into.rejected += from.rejected;
}

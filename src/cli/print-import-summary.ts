import { makeTable } from './table.js';
import type { ImportSummary } from '../ingest/import-path.js';

/** The end-of-import report: per file and total counts, then the rejected rows with their place. */
export function printImportSummary(summary: ImportSummary, maxRows = 50): void {
  const t = makeTable(['file', 'read', 'imported', 'updated', 'unchanged', 'rejected']);
  for (const f of summary.files) t.push([f.file, f.read, f.imported, f.updated, f.unchanged, f.rejected]);
  const s = summary.total;
  t.push(['total', s.read, s.imported, s.updated, s.unchanged, s.rejected]);
  process.stdout.write(`${t.toString()}\n`);
  for (const f of summary.files) {
    if (f.encoding) process.stdout.write(`${f.file}: not UTF-8, read as ${f.encoding.toUpperCase()} (GBK) text\n`);
  }
  for (const skipped of summary.skipped) process.stdout.write(`skipped ${skipped}: not a known record file\n`);
  if (summary.rolledBack) process.stdout.write('strict: a record was rejected, so nothing was imported\n');
  if (summary.errors.length === 0) return;
  process.stdout.write('rejected records:\n');
  for (const e of summary.errors.slice(0, maxRows)) {
    process.stdout.write(`  ${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.reason}\n`);
  }
  const more = summary.errors.length - Math.min(maxRows, summary.errors.length) + summary.errorsOmitted;
  if (more > 0) process.stdout.write(`  … and ${more} more\n`);
}

import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { RecordKind } from '../domain/records.js';
import { csvRowCoercer } from './coerce-csv-row.js';
import { requiredColumns } from './csv-field-types.js';
import type { ReadItem } from './read-item.js';

/**
 * CSV with a header row of field names, streamed through csv-parse. Each row becomes a record
 * coerced for `kind`'s schema (coerce-csv-row.ts). A malformed row is an error item and the
 * parser carries on; with broken quoting it resynchronises where it can, so the rows up to the
 * next clean line may be lost, but the error names the line where it was found.
 */
export async function* readCsv(input: Readable, kind: RecordKind): AsyncGenerator<ReadItem> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true });
  // pipe() does not forward source errors (a missing file): fail the iteration instead.
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  const skipped: ReadItem[] = [];
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    skipped.push({ line: err.lines ?? 0, error: `malformed CSV: ${err.message}` });
  });
  let header: string[] | undefined;
  let toRecord: ((cells: readonly string[]) => Record<string, unknown>) | undefined;
  for await (const { record: cells, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // info.lines is the row's last line; a quoted cell may span lines, and errors name the first.
    const line = info.lines - embeddedNewlines(cells);
    // Skip events fire while a chunk is parsed, ahead of the rows before them: keep file order.
    while (skipped.length > 0 && skipped[0]!.line < line) yield skipped.shift()!;
    if (!header) {
      header = cells.map((h) => h.trim());
      const missing = missingColumns(kind, header);
      if (missing.length > 0) {
        // Every row would fail the same way: one error for the file, and its rows are not read.
        yield {
          line,
          field: missing[0]!,
          error:
            `the header has no column ${missing.map((c) => `"${c}"`).join(', ')}; columns are the record's field names ` +
            `(${requiredColumns(kind).join(', ')}, …), found ${header.map((h) => `"${h}"`).join(', ')}`,
        };
        return;
      }
      toRecord = csvRowCoercer(kind, header);
      continue;
    }
    if (cells.length !== header.length) {
      yield { line, error: `has ${cells.length} cells where the header has ${header.length}` };
      continue;
    }
    yield { line, record: toRecord!(cells) };
  }
  yield* skipped;
}

function missingColumns(kind: RecordKind, header: readonly string[]): string[] {
  return requiredColumns(kind).filter((c) => !header.some((h) => h === c || h.startsWith(`${c}.`)));
}

function embeddedNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}

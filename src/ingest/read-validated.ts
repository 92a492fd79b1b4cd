import { createReadStream, type ReadStream } from 'node:fs';
import type { RecordKind, RecordOf } from '../domain/records.js';
import { validateRecord, type FieldError } from '../domain/validate-record.js';
import type { ImportFile } from './list-import-files.js';
import { readCsv } from './read-csv.js';
import type { ReadItem } from './read-item.js';
import { readJsonl } from './read-jsonl.js';

export type ValidatedItem<K extends RecordKind> =
  | { line: number; value: RecordOf[K]; errors?: undefined }
  | { line: number; errors: FieldError[]; value?: undefined };

/**
 * Streams a record file through its reader and validation: each line comes out as a valid
 * record or as its errors (a broken line is one error on the whole record, field '').
 */
export async function* readValidated<K extends RecordKind>(
  file: ImportFile & { kind: K },
  onStream?: (stream: ReadStream) => void,
): AsyncGenerator<ValidatedItem<K>> {
  const stream = createReadStream(file.path, { highWaterMark: 256 * 1024 });
  onStream?.(stream);
  try {
    const items = file.format === 'csv' ? readCsv(stream, file.kind) : readJsonl(stream);
    for await (const item of items) yield validated(file.kind, item);
  } finally {
    stream.destroy();
  }
}

/** A read item validated as a record of `kind`. */
export function validated<K extends RecordKind>(kind: K, item: ReadItem): ValidatedItem<K> {
  if (item.error !== undefined) return { line: item.line, errors: [{ field: '', reason: item.error }] };
  const checked = validateRecord(kind, item.record);
  return checked.ok ? { line: item.line, value: checked.value } : { line: item.line, errors: checked.errors };
}

import { createReadStream, type ReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import type { RecordKind, RecordOf } from '../domain/records.js';
import { validateRecord, type FieldError } from '../domain/validate-record.js';
import type { TextEncoding } from './inspect-file.js';
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
  options: { encoding?: TextEncoding; now?: Date | undefined } = {},
): AsyncGenerator<ValidatedItem<K>> {
  const encoding = options.encoding ?? 'utf-8';
  const stream = createReadStream(file.path, { highWaterMark: 256 * 1024 });
  onStream?.(stream);
  const text: Readable = encoding === 'utf-8' ? stream : stream.pipe(toUtf8(encoding));
  if (text !== stream) stream.on('error', (err) => text.destroy(err)); // pipe() does not forward errors
  try {
    const items = file.format === 'csv' ? readCsv(text, file.kind) : readJsonl(text);
    for await (const item of items) yield validated(file.kind, item, options.now);
  } finally {
    stream.destroy();
  }
}

/** Text of another encoding re-encoded as UTF-8, which the readers take. */
function toUtf8(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** A read item validated as a record of `kind`; given `now` (an import's time), an event may not be dated days after it. */
export function validated<K extends RecordKind>(kind: K, item: ReadItem, now?: Date): ValidatedItem<K> {
  if (item.error !== undefined) return { line: item.line, errors: [{ field: item.field ?? '', reason: item.error }] };
  const checked = validateRecord(kind, item.record, now);
  return checked.ok ? { line: item.line, value: checked.value } : { line: item.line, errors: checked.errors };
}

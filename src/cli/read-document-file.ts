import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UsageError } from './context.js';

/** Reads a JSON or YAML document (by the file's extension); an unreadable one is a usage error. */
export function readDocumentFile(file: string): unknown {
  try {
    const text = readFileSync(file, 'utf8');
    return /\.json$/i.test(file) ? JSON.parse(text) : parse(text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read: ${(err as Error).message}`}`);
  }
}

/** The refusal of an invalid document, one line per bad field with its path. */
export function invalidDocument(file: string, what: string, errors: readonly { path: string; message: string }[]): UsageError {
  return new UsageError(`${file}: ${what} not valid\n${errors.map((e) => `  ${e.path || '(document)'}: ${e.message}`).join('\n')}`);
}

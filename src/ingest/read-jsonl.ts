import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ReadItem } from './read-item.js';

/**
 * JSON Lines, one line at a time: memory stays flat whatever the file size. Blank lines are
 * skipped (they still count for line numbers); a line that is not JSON is an error item.
 */
export async function* readJsonl(input: Readable): AsyncGenerator<ReadItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (let text of lines) {
    line++;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM
    if (text.length === 0 || (isSpace(text.charCodeAt(0)) && text.trim() === '')) continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (err) {
      yield { line, error: `invalid JSON: ${(err as Error).message}` };
      continue;
    }
    yield { line, record };
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0xfeff;
}

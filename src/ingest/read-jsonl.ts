import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ReadItem } from './read-item.js';

/**
 * JSON Lines, one line at a time: memory stays flat whatever the file size. Lines end at
 * \n, \r\n or \r (as readline counts them); blank lines are skipped (they still count for
 * line numbers); a line that is not JSON is an error item. Lines are cut out of each chunk
 * with indexOf: readline cost a quarter of the whole read.
 */
export async function* readJsonl(input: Readable): AsyncGenerator<ReadItem> {
  const decoder = new StringDecoder('utf8');
  let lines = 0;
  let rest = '';
  let first = true;
  for await (const chunk of input) {
    let text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM
      first = false;
    }
    const end = text.lastIndexOf('\n') + 1;
    rest = text.slice(end);
    const block = jsonlItems(text.slice(0, end), lines);
    lines += block.lines;
    yield* block.items;
  }
  yield* jsonlItems(rest + decoder.end(), lines).items;
}

/**
 * The items of JSON Lines text made of whole lines (the last one may lack its line break at
 * the end of a file); `lineBefore` is the number of the line before the text. Also returns
 * how many lines the text holds.
 */
export function jsonlItems(text: string, lineBefore: number): { items: ReadItem[]; lines: number } {
  const items: ReadItem[] = [];
  let line = lineBefore;
  const pieces = text.split('\n');
  if (pieces[pieces.length - 1] === '') pieces.pop(); // the text ended with a line break
  for (let piece of pieces) {
    if (piece.endsWith('\r')) piece = piece.slice(0, -1);
    // A lone \r also ends a line; JSON cannot hold one raw, so this is almost never needed.
    for (const part of piece.includes('\r') ? piece.split('\r') : [piece]) {
      line++;
      if (part.length === 0 || (isSpace(part.charCodeAt(0)) && part.trim() === '')) continue;
      try {
        items.push({ line, record: JSON.parse(part) });
      } catch (err) {
        items.push({ line, error: `invalid JSON: ${(err as Error).message}` });
      }
    }
  }
  return { items, lines: line - lineBefore };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0xfeff;
}

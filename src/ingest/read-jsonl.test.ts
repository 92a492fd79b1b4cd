import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from './read-item.js';
import { readJsonl } from './read-jsonl.js';

async function read(text: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readJsonl(Readable.from([Buffer.from(text)]))) items.push(item);
  return items;
}

describe('readJsonl', () => {
  it('yields one record per line with 1-based line numbers, skipping blank lines', async () => {
    const items = await read('\uFEFF{"a":1}\n\n  \r\n{"a":2}\r\n{"a":3}');
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 4, record: { a: 2 } },
      { line: 5, record: { a: 3 } },
    ]);
  });

  it('reports broken JSON on its line and carries on', async () => {
    const items = await read('{"a":1}\n{"a":\n{"a":3}\n');
    expect(items[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^invalid JSON: /) });
    expect(items[2]).toEqual({ line: 3, record: { a: 3 } });
  });

  it('reads lines split across chunks', async () => {
    const chunks = ['{"id":"é', '"}\n{"id":', '"b"}\n'].map((s) => Buffer.from(s));
    const items: ReadItem[] = [];
    for await (const item of readJsonl(Readable.from(chunks))) items.push(item);
    expect(items.map((i) => i.record)).toEqual([{ id: 'é' }, { id: 'b' }]);
  });

  it('ends lines at a lone carriage return too, as readline does', async () => {
    const items = await read('{"a":1}\r{"a":2}\r\r\n{"a":3}\r');
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 2, record: { a: 2 } },
      { line: 4, record: { a: 3 } },
    ]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFile, listImportFiles } from './list-import-files.js';
import { writeFixtureDir } from './test-fixtures.js';

describe('listImportFiles', () => {
  it('knows a kind by base name or prefix, and the format by extension', () => {
    expect(classifyFile('events-2024-05.csv')).toEqual({ kind: 'events', format: 'csv' });
    expect(classifyFile('Staff.NDJSON')).toEqual({ kind: 'staff', format: 'jsonl' });
    expect(classifyFile('stores.jsonl')).toEqual({ kind: 'stores', format: 'jsonl' });
    expect(classifyFile('eventsx.csv')).toBeUndefined();
    expect(classifyFile('events.json')).toBeUndefined();
  });

  it('orders by dependency, then by name, and lists other files as skipped', () => {
    const dir = writeFixtureDir({
      'events-2024-06.jsonl': '', 'events-2024-05.csv': '', 'vehicles.jsonl': '', 'customers.csv': '',
      'staff.jsonl': '', 'stores.jsonl': '', 'README.md': '', 'sub/stores.jsonl': '',
    });
    const { files, skipped } = listImportFiles(dir);
    expect(files.map((f) => f.name)).toEqual([
      'stores.jsonl', 'staff.jsonl', 'customers.csv', 'vehicles.jsonl', 'events-2024-05.csv', 'events-2024-06.jsonl',
    ]);
    expect(skipped).toEqual(['README.md', 'sub']);
    expect(listImportFiles(join(dir, 'staff.jsonl')).files.map((f) => f.name)).toEqual(['staff.jsonl']);
  });
});

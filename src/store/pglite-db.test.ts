import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openPgliteDb } from './pglite-db.js';

it('creates a new embedded database in a child process and keeps it across openings', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-pglite-')), 'db');
  try {
    const db = await openPgliteDb({ dataDir });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    await db.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');
    await db.close();
    const again = await openPgliteDb({ dataDir });
    expect(await again.query('SELECT n FROM kept')).toEqual([{ n: 7 }]);
    expect(await again.query("SELECT current_setting('shared_buffers') AS s")).toEqual([{ s: '32MB' }]);
    await again.close();
  } finally {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
});

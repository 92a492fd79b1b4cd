import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeStoreFiles } from '../../../test/fixtures.js';
import { verifyPassword } from '../../auth/hash-password.js';
import { openDb } from '../../store/open-db.js';
import { getStaffCredential } from '../../store/staff-credentials.js';

function retain(args: string[], input = '') {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', input });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

it('retain staff password sets a web password read from standard input', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'retain-cli-staff-')), 'db');
  expect(retain(['--data-dir', dataDir, 'import', writeStoreFiles([{ id: 'c1' }]), '--no-evaluate']).code).toBe(0);
  const short = retain(['--data-dir', dataDir, 'staff', 'password', 'sa-li'], 'short\n');
  expect(short.code).toBe(2);
  expect(short.stderr).toMatch(/at least 8 characters/);
  expect(retain(['--data-dir', dataDir, 'staff', 'password', 'nobody'], 'long-enough-1\n').code).toBe(2);
  const ok = retain(['--data-dir', dataDir, 'staff', 'password', 'sa-li'], 'long-enough-1\n');
  expect(ok.stdout).toBe('Password set for sa-li.\n');
  expect(ok.code).toBe(0);
  const db = await openDb({ dataDir });
  try {
    const credential = await getStaffCredential(db, 'sa-li');
    expect(await verifyPassword('long-enough-1', credential!.passwordHash)).toBe(true);
  } finally {
    await db.close();
  }
}, 120_000);

import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an API token; only its hash is stored, so the plain token is shown once. */
export async function createApiToken(db: Db, name: string, now: Date): Promise<string> {
  const token = `rt_${randomBytes(24).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (name, token_hash, created_at) VALUES ($1, $2, $3)', [name, hash(token), now]);
  return token;
}

export async function isValidApiToken(db: Db, token: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [hash(token)]);
  return rows.length > 0;
}

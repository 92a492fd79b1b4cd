import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/** The cookie carries the token; the table keeps only its hash (see 004_auth.sql). */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionRow {
  tokenHash: string;
  staffId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function createSession(db: Db, staffId: string, now: Date, lifetimeMs: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db.query(
    `INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [hashToken(token), staffId, csrfToken, now, expiresAt],
  );
  return { token, csrfToken, expiresAt };
}

/** A live session: not revoked, not past its absolute end, and used within `idleMs`. */
export async function findLiveSession(db: Db, token: string, now: Date, idleMs: number): Promise<SessionRow | null> {
  const [row] = await db.query<{ token_hash: string; staff_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date }>(
    `SELECT token_hash, staff_id, csrf_token, last_seen_at, expires_at FROM staff_sessions
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3`,
    [hashToken(token), now, new Date(now.getTime() - idleMs)],
  );
  return row
    ? { tokenHash: row.token_hash, staffId: row.staff_id, csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
    : null;
}

/** Marks the session used; callers skip it when it was marked a moment ago, to spare a write per request. */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [tokenHash, now]);
}

export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  await db.query('UPDATE staff_sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [hashToken(token), now]);
}

/** Ends every session of a staff member (a password change or reset). */
export async function revokeStaffSessions(db: Db, staffId: string, now: Date): Promise<void> {
  await db.query('UPDATE staff_sessions SET revoked_at = $2 WHERE staff_id = $1 AND revoked_at IS NULL', [staffId, now]);
}

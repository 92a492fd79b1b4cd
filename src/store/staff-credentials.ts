import type { Db } from './db.js';

/** A staff member's password hash and lock-out state. */
export interface StaffCredential {
  staffId: string;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: Date | null;
}

export async function getStaffCredential(db: Db, staffId: string): Promise<StaffCredential | null> {
  const [row] = await db.query<{ staff_id: string; password_hash: string; failed_attempts: number; locked_until: Date | null }>(
    'SELECT staff_id, password_hash, failed_attempts, locked_until FROM staff_credentials WHERE staff_id = $1',
    [staffId],
  );
  return row
    ? { staffId: row.staff_id, passwordHash: row.password_hash, failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }
    : null;
}

/** Sets (or replaces) a password hash; a new password also lifts any lock-out. */
export async function setStaffPasswordHash(db: Db, staffId: string, passwordHash: string, now: Date, by: string | null = null): Promise<void> {
  await db.query(
    `INSERT INTO staff_credentials (staff_id, password_hash, failed_attempts, locked_until, changed_at, changed_by)
     VALUES ($1, $2, 0, NULL, $3, $4)
     ON CONFLICT (staff_id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
       locked_until = NULL, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    [staffId, passwordHash, now, by],
  );
}

/**
 * Counts one failed sign-in in a single statement (two concurrent failures both count). A lock
 * that has run out starts the count again; reaching `maxAttempts` locks until `lockUntil`.
 */
export async function recordFailedSignIn(
  db: Db,
  staffId: string,
  now: Date,
  maxAttempts: number,
  lockUntil: Date,
): Promise<{ failedAttempts: number; lockedUntil: Date | null }> {
  const [row] = await db.query<{ failed_attempts: number; locked_until: Date | null }>(
    `WITH next AS (
       SELECT staff_id,
              CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_attempts + 1 END AS attempts
         FROM staff_credentials WHERE staff_id = $1)
     UPDATE staff_credentials c SET
       failed_attempts = next.attempts,
       locked_until = CASE WHEN next.attempts >= $3 THEN $4::timestamptz
                           WHEN c.locked_until IS NOT NULL AND c.locked_until <= $2 THEN NULL
                           ELSE c.locked_until END
       FROM next WHERE c.staff_id = next.staff_id
     RETURNING c.failed_attempts, c.locked_until`,
    [staffId, now, maxAttempts, lockUntil],
  );
  return { failedAttempts: row?.failed_attempts ?? 0, lockedUntil: row?.locked_until ?? null };
}

export async function clearFailedSignIns(db: Db, staffId: string): Promise<void> {
  await db.query(
    'UPDATE staff_credentials SET failed_attempts = 0, locked_until = NULL WHERE staff_id = $1 AND (failed_attempts <> 0 OR locked_until IS NOT NULL)',
    [staffId],
  );
}

import type { Db } from '../../store/db.js';

/** Marks steps done with what they became; the watch is a message's response window. */
export async function markStarted(db: Db, keys: string[], now: Date, made: { taskId?: string; messageId?: number; watchUntil?: Date | null }): Promise<void> {
  await db.query(
    `UPDATE program_steps SET status = 'started', started_at = $2, task_id = $3, message_id = $4, watch_until = $5
      WHERE key = ANY($1::text[]) AND status = 'pending'`,
    [keys, now, made.taskId ?? null, made.messageId ?? null, made.watchUntil ?? null],
  );
}

/** A step that will not happen, and why (`needs`, `lifecycle`, `do_not_contact`). */
export async function markSkipped(db: Db, key: string, reason: string): Promise<void> {
  await db.query("UPDATE program_steps SET status = 'skipped', status_reason = $2 WHERE key = $1 AND status = 'pending'", [key, reason]);
}

/** A step a stop ended before it started (the run's stop reason). */
export async function markCancelled(db: Db, key: string, reason: string): Promise<void> {
  await db.query("UPDATE program_steps SET status = 'cancelled', status_reason = $2 WHERE key = $1 AND status = 'pending'", [key, reason]);
}

import { ApiError } from '../api/errors.js';
import type { Db } from '../store/db.js';
import { revokeStaffSessions } from '../store/sessions.js';
import { setStaffPasswordHash } from '../store/staff-credentials.js';
import { DEFAULT_COST, hashPassword, type ScryptCost } from './hash-password.js';
import { SIGN_IN_RULES } from './sign-in-rules.js';

/** Sets a staff member's password: hashed, the lock lifted, and their open sessions ended. */
export async function setPassword(
  db: Db,
  staffId: string,
  password: string,
  now: Date,
  options: { by?: string; cost?: ScryptCost } = {},
): Promise<void> {
  if (password.length < SIGN_IN_RULES.minPasswordLength) {
    throw new ApiError('invalid_request', `a password needs at least ${SIGN_IN_RULES.minPasswordLength} characters`, [
      { field: 'password', reason: 'too short' },
    ]);
  }
  const hash = await hashPassword(password, options.cost ?? DEFAULT_COST);
  await db.transaction(async (tx) => {
    await setStaffPasswordHash(tx, staffId, hash, now, options.by ?? null);
    await revokeStaffSessions(tx, staffId, now);
  });
}

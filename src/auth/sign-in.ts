import type { Db } from '../store/db.js';
import { getStaffMember, type StaffMember } from '../store/read-staff.js';
import { createSession, type NewSession } from '../store/sessions.js';
import { clearFailedSignIns, getStaffCredential, recordFailedSignIn } from '../store/staff-credentials.js';
import { DEFAULT_COST, hashPassword, verifyPassword } from './hash-password.js';
import { SIGN_IN_RULES } from './sign-in-rules.js';

export type SignInResult =
  | { ok: true; staff: StaffMember; session: NewSession }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

// An unknown user name still costs one hash, so the answer's timing does not tell which names exist.
let dummyHash: Promise<string> | undefined;

/** Checks a user name (the staff id) and password at `now`; success opens a session. */
export async function signIn(db: Db, username: string, password: string, now: Date): Promise<SignInResult> {
  const staffId = username.trim();
  const credential = await getStaffCredential(db, staffId);
  if (!credential) {
    dummyHash ??= hashPassword('not a password', DEFAULT_COST);
    await verifyPassword(password, await dummyHash);
    return { ok: false, reason: 'invalid' };
  }
  if (credential.lockedUntil && credential.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: credential.lockedUntil };
  if (!(await verifyPassword(password, credential.passwordHash))) {
    const after = await recordFailedSignIn(db, staffId, now, SIGN_IN_RULES.maxFailedAttempts, new Date(now.getTime() + SIGN_IN_RULES.lockMs));
    return after.lockedUntil && after.lockedUntil > now ? { ok: false, reason: 'locked', lockedUntil: after.lockedUntil } : { ok: false, reason: 'invalid' };
  }
  const staff = await getStaffMember(db, staffId);
  if (!staff) return { ok: false, reason: 'invalid' };
  await clearFailedSignIns(db, staffId);
  return { ok: true, staff, session: await createSession(db, staffId, now, SIGN_IN_RULES.sessionLifetimeMs) };
}

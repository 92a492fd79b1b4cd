/**
 * The sign-in rules in one place. Lock-out: 5 wrong passwords in a row lock the account for
 * 15 minutes (even the right password is refused meanwhile), enough to stop guessing while an
 * advisor who mistypes a few times is not stuck for long. A session ends after 12 hours
 * without use (a working day and a half) and in any case 7 days after sign-in.
 */
export const SIGN_IN_RULES = {
  maxFailedAttempts: 5,
  lockMs: 15 * 60_000,
  sessionIdleMs: 12 * 3_600_000,
  sessionLifetimeMs: 7 * 24 * 3_600_000,
  /** last_seen_at is written at most this often, sparing a write per request. */
  touchEveryMs: 60_000,
  minPasswordLength: 8,
} as const;

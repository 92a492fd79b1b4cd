import type { ContactPolicy } from './contact-policy.js';
import type { Instant } from './outbox-types.js';

export type RetryStep = { action: 'retry'; at: Instant } | { action: 'failed'; detail: string };

/**
 * What to do after the `attempt`-th delivery attempt (1 = the first send) came back `retry`:
 * try again `initial × factor^(attempt−1)` seconds after it, capped at `maxDelaySeconds`, or
 * give up as `failed` once `maxAttempts` attempts have been made. No random jitter: the replay
 * of §14 must be reproducible, and messages already spread out by their own send times.
 */
export function nextRetry(attempt: number, attemptedAt: Instant, retry: ContactPolicy['retry']): RetryStep {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a whole number from 1, got ${attempt}`);
  if (attempt >= retry.maxAttempts) return { action: 'failed', detail: `gave up after ${attempt} attempts` };
  const delay = Math.min(retry.initialDelaySeconds * retry.factor ** (attempt - 1), retry.maxDelaySeconds);
  return { action: 'retry', at: attemptedAt + Math.round(delay * 1000) };
}

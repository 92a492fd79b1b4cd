import { createHash } from 'node:crypto';

/**
 * Hold-out assignment (programs.md §12): a seeded hash of (seed, campaign or program id,
 * customer id), so a customer's group is stable — the same on every run, in the generator and
 * in the database — and reproducible by anyone with the seed, with no stored random state.
 */
export function holdOutDraw(seed: string, groupId: string, customerId: string): number {
  // NUL separators: ("a", "bc") and ("ab", "c") must not hash alike.
  const digest = createHash('sha256').update(`${seed}\u0000${groupId}\u0000${customerId}`).digest();
  // The first 52 bits as a fraction in [0, 1): exact in a double, uniform for any share.
  const high = digest.readUInt32BE(0);
  const low = digest.readUInt32BE(4) >>> 12;
  return (high * 2 ** 20 + low) / 2 ** 52;
}

/** Held out when the draw falls below the share: share 0 holds out nobody, share 1 everybody. */
export function isHeldOut(share: number, seed: string, groupId: string, customerId: string): boolean {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`hold-out share must be within 0..1, got ${share}`);
  return holdOutDraw(seed, groupId, customerId) < share;
}

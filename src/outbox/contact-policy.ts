import { z } from 'zod';
import type { PolicyError } from '../domain/policy/parse-policy.js';

/**
 * The contact policy of programs.md §10: the rules every automated message passes in the
 * outbox. Plain JSON data like the scoring policy (stored as a document, compared by content,
 * versioned), validated on load with the path of each bad field.
 */

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const clock = z.string().regex(HH_MM, 'must be a time of day HH:MM (00:00–23:59)');
const lifecycles = z.enum(['abandoned', 'sold_or_moved', 'observation', 'dormant', 'lost', 'active']);

const contactPolicyShape = z.strictObject({
  version: z.string().trim().min(1, 'must not be empty'),
  /**
   * Store-local wall-clock window in which no automated message goes out; it may wrap midnight
   * (21:00–09:00). start == end means no quiet hours at all.
   */
  quietHours: z.strictObject({ start: clock, end: clock }),
  frequencyCap: z.strictObject({
    /** At least 1: a cap of 0 would hold every message for ever instead of saying so. */
    maxTouches: z.number().int().min(1),
    /** Rolling window, in store-local calendar days (same wall-clock time N days later). */
    windowDays: z.number().int().min(1),
    /** No automated touch on a store-local day on which a person called the customer. */
    noTouchOnHumanCallDay: z.boolean(),
    /** Purposes the cap does not count or hold (e.g. a transactional "your car is ready"). */
    exemptPurposes: z.array(z.string().min(1)),
  }),
  lifecycle: z.strictObject({
    /** Lifecycles that get no outreach at all (programs.md §9: give-up stops outreach). */
    noOutreach: z.array(lifecycles),
    /** The one message such a customer may still get, once per give-up. */
    farewellPurpose: z.string().min(1),
  }),
  optOut: z.strictObject({
    /** Matched case-insensitively as whole words (see detect-opt-out.ts for what "word" means). */
    words: z.array(z.string().trim().min(1)).min(1),
  }),
  retry: z.strictObject({
    initialDelaySeconds: z.number().int().min(1),
    factor: z.number().min(1),
    maxDelaySeconds: z.number().int().min(1),
    /** Attempts in all, the first included; after the last one the message is `failed`. */
    maxAttempts: z.number().int().min(1),
  }),
});

export type ContactPolicy = z.infer<typeof contactPolicyShape>;

export const contactPolicySchema = contactPolicyShape.superRefine((p, ctx) => {
  if (p.retry.maxDelaySeconds < p.retry.initialDelaySeconds) {
    ctx.addIssue({ code: 'custom', path: ['retry', 'maxDelaySeconds'], message: 'must not be below initialDelaySeconds' });
  }
});

export type ContactPolicyResult = { ok: true; policy: ContactPolicy } | { ok: false; errors: PolicyError[] };

/** Validates a contact policy document (parsed JSON/YAML or read from the database). */
export function parseContactPolicy(input: unknown): ContactPolicyResult {
  const r = contactPolicySchema.safeParse(input, { error: (iss) => (iss.input === undefined ? 'is required' : undefined) });
  if (r.success) return { ok: true, policy: r.data };
  return {
    ok: false,
    errors: r.error.issues.flatMap((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: path ? `${path}.${k}` : k, message: 'unknown field' }));
      return [{ path, message: issue.message }];
    }),
  };
}

/** Minutes after local midnight of an `HH:MM` the schema has accepted. */
export function minutesOfClock(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

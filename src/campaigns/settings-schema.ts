import { z } from 'zod';

/**
 * The retention settings (programs.md §8, §11, §12): what a touch costs, how long a return is
 * attributed, the default hold-out, approval limits, the attempts policy, the links messages
 * carry and the rewards. A document like the policy: every number is configuration, validated
 * on load.
 */

const yuan = z.number().finite().nonnegative('must not be negative');
const share = z.number().min(0, 'must be within 0..1').max(1, 'must be within 0..1');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');
/** A page customers open from a message: http(s) only, so a `javascript:` or `file:` link never goes out. */
const link = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable();

export const approverRoles = ['store_manager', 'general_manager'] as const;
export type ApproverRole = (typeof approverRoles)[number];
export const requesterRoles = ['advisor', 'service_manager', 'retention_specialist', 'store_manager', 'general_manager', 'admin'] as const;
export type RequesterRole = (typeof requesterRoles)[number];

export const attemptChannels = ['call', 'wechat', 'sms', 'app', 'email'] as const;
export type AttemptChannel = (typeof attemptChannels)[number];

const attemptsRule = z.strictObject({
  /** Attempts before the campaign may give up on the customer. */
  minAttempts: z.number().int().min(1),
  /** Different channels among them. */
  minChannels: z.number().int().min(1),
  /** Different times of day among them (see timesOfDay). */
  minTimesOfDay: z.number().int().min(1),
});

export const settingsSchema = z.strictObject({
  version: z.string().trim().min(1),
  costs: z.strictObject({
    /** ¥ per automated message sent, by channel. */
    message: z.strictObject({ sms: yuan, wechat: yuan, app: yuan, email: yuan }),
    /** ¥ per minute of staff time on a call or a personal WeChat. */
    staffPerMinute: yuan,
    /** Minutes counted for a call or WeChat attempt whose record does not say. */
    minutes: z.strictObject({ connected: yuan, unanswered: yuan, wechat: yuan }),
  }),
  /** Days after the first touch (or the launch, for the hold-out) in which a paid visit counts. */
  attributionDays: z.number().int().min(1).max(730),
  holdOut: z.strictObject({
    share,
    /** Programs whose eligible customers are held out at random (the program engine asks). */
    programs: z.array(z.string().min(1)),
    seed: z.string().min(1),
  }),
  confidence: z.number().min(0.5).max(0.999),
  /** Highest offer cost (¥) each role may give without approval; null = no limit. */
  approvalLimits: z.strictObject(Object.fromEntries(requesterRoles.map((r) => [r, yuan.nullable()])) as Record<RequesterRole, z.ZodNullable<typeof yuan>>),
  /** Local start times of the times of day: an attempt belongs to the last one started. */
  timesOfDay: z.array(z.strictObject({ id: z.string().min(1), from: localTime })).min(1),
  /** Per recall level ("1", "2", "3"): when a campaign may give up on a customer. */
  attempts: z.record(z.enum(['1', '2', '3']), attemptsRule),
  /** Expected recall rate per level, for the launch's expected cost (programs.md §8 targets). */
  expectedRecall: z.strictObject({ '1': share, '2': share, '3': share }),
  /**
   * Pages a message links to as `{{link}}`: the rating survey, the online booking page. Null until
   * the store sets it (a message that needs the link is then held). Absent from documents stored
   * before links existed, hence the defaults.
   */
  links: z.strictObject({ survey: link.default(null), booking: link.default(null) }).default({ survey: null, booking: null }),
  incentives: z.strictObject({
    /** ¥ per customer recovered, by the warning level they were recovered from. */
    perRecovery: z.strictObject({ yellow: yuan, orange: yuan, red: yuan }),
    /** ¥ for the month's top recoverer. */
    topRecoverer: yuan,
  }),
});

export type RetentionSettings = z.infer<typeof settingsSchema>;
export type MessageLinks = RetentionSettings['links'];

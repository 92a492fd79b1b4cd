import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { segmentSchema } from './segment.js';

const isoDate = z.string().refine(isIsoDate, 'must be a date (YYYY-MM-DD)');
const id = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be lower-case letters, digits, "_" or "-"');

/**
 * A campaign (issue item 1): a segment, the program it runs, a budget in ¥, dates, an owner,
 * its hold-out share and seed, and the offer policy. `program: "auto"` runs the recall preset
 * of each customer's recall level, and the dormant wake-up for a dormant customer without one.
 */
export const campaignSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1),
    segment: segmentSchema.default({}),
    program: z.string().min(1).default('auto'),
    budget: z.number().finite().nonnegative(),
    startsOn: isoDate,
    endsOn: isoDate,
    ownerId: z.string().min(1),
    /** Share of the eligible customers held out; default: the settings' (10 %). */
    holdOutShare: z.number().min(0).max(1).optional(),
    /** Seed of the hold-out hash; default: the settings' seed. */
    seed: z.string().min(1).optional(),
    /** Days after the first touch in which a paid visit is the campaign's return; default: the settings' (90). */
    attributionDays: z.number().int().min(1).max(730).optional(),
    /** 'default' = the catalogue's per level and churn reason; an offer id = that one for all; 'none'. */
    offer: z.string().min(1).default('default'),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export type CampaignInput = z.input<typeof campaignSchema>;
export type Campaign = z.infer<typeof campaignSchema>;

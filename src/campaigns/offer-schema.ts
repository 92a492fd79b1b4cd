import { z } from 'zod';
import { churnReasons } from './vocabulary.js';

/**
 * The offer catalogue (programs.md §8): what may be given, what it costs the store when it is
 * redeemed, how long it is valid, and which offer is the default per recall level and churn
 * reason. Validated on load; a default naming a missing offer is refused with its path.
 */

export const offerKinds = ['percent_off', 'voucher', 'free_labour', 'free_wash', 'free_inspection', 'pickup_delivery'] as const;
export type OfferKind = (typeof offerKinds)[number];

const id = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-"');

export const offerSchema = z.strictObject({
  id,
  name: z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  kind: z.enum(offerKinds),
  /** Percent for percent_off, ¥ face value for a voucher, a count (washes) otherwise. */
  value: z.number().finite().positive(),
  /** ¥ the store spends when the offer is redeemed: what counts against budgets and ROI. */
  unitCost: z.number().finite().nonnegative(),
  validDays: z.number().int().min(1).max(730),
  active: z.boolean().default(true),
});
export type Offer = z.infer<typeof offerSchema>;

const reasonDefaults = z.strictObject({
  ...Object.fromEntries(churnReasons.map((r) => [r, id])) as Record<(typeof churnReasons)[number], typeof id>,
  unknown: id,
});

export const catalogueSchema = z
  .strictObject({
    version: z.string().trim().min(1),
    offers: z.array(offerSchema).min(1),
    /** Per recall level, the default offer by churn reason. */
    defaults: z.strictObject({ '1': reasonDefaults, '2': reasonDefaults, '3': reasonDefaults }),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.offers.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: ['offers', i, 'id'], message: `duplicate offer id "${o.id}"` });
      ids.add(o.id);
    });
    for (const [level, byReason] of Object.entries(doc.defaults)) {
      for (const [reason, offerId] of Object.entries(byReason)) {
        if (!ids.has(offerId)) ctx.addIssue({ code: 'custom', path: ['defaults', level, reason], message: `unknown offer "${offerId}"` });
      }
    }
  });
export type OfferCatalogue = z.infer<typeof catalogueSchema>;

import { describe, expect, it } from 'vitest';
import { decideOffer, mayApprove } from './approve-offer.js';
import { defaultOffer } from './choose-offer.js';
import { defaultCatalogue } from './default-offers.js';
import { defaultSettings } from './default-settings.js';
import { catalogueSchema } from './offer-schema.js';

const limits = defaultSettings().approvalLimits;

describe('offers (programs.md §8)', () => {
  it('defaults follow the recall level and the churn reason, inside the level budget', () => {
    const c = defaultCatalogue();
    expect(defaultOffer(c, 1, 'convenience')?.kind).toBe('pickup_delivery');
    expect(defaultOffer(c, 1, 'price')?.id).toBe('l1-voucher-200');
    expect(defaultOffer(c, 2, 'service')?.kind).toBe('free_inspection');
    expect(defaultOffer(c, 3, 'passive')?.kind).toBe('free_wash');
    const bands = { 1: [100, 200], 2: [40, 80], 3: [20, 40] } as const;
    for (const level of [1, 2, 3] as const) {
      for (const reason of ['price', 'convenience', 'service', 'passive', 'unknown'] as const) {
        const cost = defaultOffer(c, level, reason)!.unitCost;
        expect(cost).toBeGreaterThanOrEqual(bands[level][0]);
        expect(cost).toBeLessThanOrEqual(bands[level][1]);
      }
    }
  });

  it('refuses a catalogue whose default names a missing offer, with the path', () => {
    const bad = structuredClone(defaultCatalogue()) as { defaults: { '2': { price: string } } };
    bad.defaults['2'].price = 'nope';
    const result = catalogueSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['defaults', '2', 'price']);
  });

  it('routes an offer above the giver’s limit to the store manager or the general manager', () => {
    expect(decideOffer(80, 'advisor', limits, null)).toEqual({ kind: 'granted' });
    expect(decideOffer(100, 'advisor', limits, null)).toEqual({ kind: 'granted' });
    expect(decideOffer(100.01, 'advisor', limits, null)).toEqual({ kind: 'needs_approval', approverRole: 'store_manager' });
    expect(decideOffer(180, 'service_manager', limits, null)).toEqual({ kind: 'granted' });
    expect(decideOffer(500, 'advisor', limits, null)).toEqual({ kind: 'needs_approval', approverRole: 'store_manager' });
    expect(decideOffer(800, 'advisor', limits, null)).toEqual({ kind: 'needs_approval', approverRole: 'general_manager' });
    expect(decideOffer(800, 'general_manager', limits, null)).toEqual({ kind: 'granted' });
    const capped = { ...limits, general_manager: 1000 };
    expect(decideOffer(1200, 'advisor', capped, null)).toEqual({ kind: 'refused', reason: 'above_every_limit' });
  });

  it('never commits more than the budget left', () => {
    expect(decideOffer(60, 'advisor', limits, 60)).toEqual({ kind: 'granted' });
    expect(decideOffer(60, 'advisor', limits, 59.99)).toEqual({ kind: 'refused', reason: 'over_budget' });
    // The budget is checked before the approval: an approver cannot spend past it either.
    expect(decideOffer(300, 'general_manager', limits, 200)).toEqual({ kind: 'refused', reason: 'over_budget' });
  });

  it('only managers within their limit approve', () => {
    expect(mayApprove('store_manager', 400, limits)).toBe(true);
    expect(mayApprove('store_manager', 600, limits)).toBe(false);
    expect(mayApprove('general_manager', 5000, limits)).toBe(true);
    expect(mayApprove('advisor', 10, limits)).toBe(false);
  });
});

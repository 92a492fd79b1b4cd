import type { OfferCatalogue } from './offer-schema.js';
import { costOf, roiFigures, type RoiFigures } from './roi.js';
import type { RetentionSettings } from './settings-schema.js';
import { compareGroups, type Uplift } from './uplift.js';

/** What aggregation needs of a member (store/campaign-member-figures.ts reads it). */
export interface MemberOutcome {
  group: 'treated' | 'held_out';
  attempts: number;
  connected: number;
  staffMinutes: number;
  messages: { sms: number; wechat: number; app: number; email: number };
  recovered: boolean;
  revenueFromLaunch: number;
  revenueFromTouch: number;
  arrived: boolean;
  recalled: boolean;
  redeemed: { offerId: string; grantCost: number | null }[];
}

export interface GroupFigures extends RoiFigures {
  treated: number;
  heldOut: number;
  /** Treated members with at least one attempt; connected = reached (an answered attempt, or a booking or visit after the touch). */
  attempted: number;
  connected: number;
  connectedRate: number | null;
  /** Booked or came within the window after the first touch. */
  recalled: number;
  recalledRate: number | null;
  arrived: number;
  offersRedeemed: number;
  uplift: Uplift;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The figures of a set of members (a campaign, a recall level, a quadrant, a program, a store):
 * the recall board's counts and rates, the cost of what was done (offers redeemed at the grant's
 * cost, else the catalogue's), the return and ROI, and treated vs held-out with its interval.
 * Revenue for the comparison is counted from the launch for both groups, so neither gets a
 * longer window (the return itself counts from the first touch, as programs.md §12 says).
 */
export function aggregateFigures(members: readonly MemberOutcome[], settings: RetentionSettings, catalogue: OfferCatalogue): GroupFigures {
  const unitCost = new Map(catalogue.offers.map((o) => [o.id, o.unitCost]));
  const treated = members.filter((m) => m.group === 'treated');
  const held = members.filter((m) => m.group === 'held_out');
  const sum = (list: readonly MemberOutcome[], f: (m: MemberOutcome) => number) => list.reduce((s, m) => s + f(m), 0);
  const offers = sum(treated, (m) => m.redeemed.reduce((s, r) => s + (r.grantCost ?? unitCost.get(r.offerId) ?? 0), 0));
  const messages = { sms: 0, wechat: 0, app: 0, email: 0 };
  for (const m of treated) for (const ch of Object.keys(messages) as (keyof typeof messages)[]) messages[ch] += m.messages[ch];
  const cost = costOf({ offersRedeemed: offers, messages, staffMinutes: sum(treated, (m) => m.staffMinutes) }, settings);
  const roi = roiFigures(cost, {
    treated: { n: treated.length, revenue: sum(treated, (m) => m.revenueFromLaunch) },
    heldOut: { n: held.length, revenue: sum(held, (m) => m.revenueFromLaunch) },
  });
  const attempted = treated.filter((m) => m.attempts > 0).length;
  // Reached: an answered call or personal contact, or — for automated messages — an answer in kind (a booking or a visit).
  const connected = treated.filter((m) => m.connected > 0 || m.recalled).length;
  const recalled = treated.filter((m) => m.recalled).length;
  const returned = Math.round(sum(treated, (m) => m.revenueFromTouch) * 100) / 100;
  return {
    ...roi,
    return: returned,
    roi: cost.total > 0 ? (returned - cost.total) / cost.total : null,
    treated: treated.length,
    heldOut: held.length,
    attempted,
    connected,
    connectedRate: share(connected, attempted),
    recalled,
    recalledRate: share(recalled, treated.length),
    arrived: treated.filter((m) => m.arrived).length,
    offersRedeemed: sum(treated, (m) => m.redeemed.length),
    uplift: compareGroups(
      { n: treated.length, recovered: treated.filter((m) => m.recovered).length },
      { n: held.length, recovered: held.filter((m) => m.recovered).length },
      settings.confidence,
    ),
  };
}

/** Figures per key (recall level, quadrant, program, store, churn reason…), keys sorted. */
export function figuresBy<M extends MemberOutcome>(
  members: readonly M[], key: (m: M) => string, settings: RetentionSettings, catalogue: OfferCatalogue,
): { key: string; figures: GroupFigures }[] {
  const groups = new Map<string, M[]>();
  for (const m of members) {
    const k = key(m);
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  return [...groups.keys()].sort().map((k) => ({ key: k, figures: aggregateFigures(groups.get(k)!, settings, catalogue) }));
}

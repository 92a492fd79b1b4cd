import type { RetentionSettings } from './settings-schema.js';

export interface CostInputs {
  /** ¥: unit costs of the offers redeemed. */
  offersRedeemed: number;
  /** Automated messages sent, by channel. */
  messages: Partial<Record<'sms' | 'wechat' | 'app' | 'email', number>>;
  /** Minutes of staff time on calls and personal WeChat. */
  staffMinutes: number;
}

export interface CostBreakdown {
  offers: number;
  messages: number;
  staff: number;
  total: number;
}

const cents = (v: number) => Math.round(v * 100) / 100;

/** programs.md §12: cost = offers redeemed + messages at their channel's price + staff time. */
export function costOf(inputs: CostInputs, settings: RetentionSettings): CostBreakdown {
  const prices = settings.costs.message;
  const messages = Object.entries(inputs.messages).reduce((sum, [ch, n]) => sum + prices[ch as keyof typeof prices] * (n ?? 0), 0);
  const staff = inputs.staffMinutes * settings.costs.staffPerMinute;
  const offers = inputs.offersRedeemed;
  return { offers: cents(offers), messages: cents(messages), staff: cents(staff), total: cents(offers + messages + staff) };
}

/** ROI = (return − cost) / cost; null when nothing was spent (a ratio to zero means nothing). */
export function roi(returned: number, cost: number): number | null {
  return cost > 0 ? (returned - cost) / cost : null;
}

export interface ReturnInputs {
  treated: { n: number; revenue: number };
  heldOut: { n: number; revenue: number };
}

/**
 * The return the treatment added: the treated revenue less what the same number of customers
 * would have spent at the held-out group's rate; null without a hold-out group.
 */
export function incrementalReturn(r: ReturnInputs): number | null {
  if (r.heldOut.n === 0) return null;
  return r.treated.revenue - (r.heldOut.revenue / r.heldOut.n) * r.treated.n;
}

export interface RoiFigures {
  cost: CostBreakdown;
  /** Paid visits of treated customers within the attribution window after their first touch. */
  return: number;
  roi: number | null;
  incrementalReturn: number | null;
  incrementalRoi: number | null;
}

export function roiFigures(cost: CostBreakdown, r: ReturnInputs): RoiFigures {
  const inc = incrementalReturn(r);
  return {
    cost,
    return: cents(r.treated.revenue),
    roi: roi(r.treated.revenue, cost.total),
    incrementalReturn: inc === null ? null : cents(inc),
    incrementalRoi: inc === null ? null : roi(inc, cost.total),
  };
}

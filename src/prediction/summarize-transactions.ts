import type { RfmRow } from './rfm.js';

/** One purchase: a calendar day as whole days since 1970-01-01, and its value if known. */
export interface Transaction {
  customerId: string;
  day: number;
  amount?: number;
}

export interface SummaryOptions {
  /** Last day observed (inclusive); later purchases are dropped. Default: the latest purchase. */
  end?: number;
  /** Days per model time unit: 1 for days, 7 for weeks. */
  unitDays?: number;
}

/**
 * The RFM summary of a transaction log by lifetimes' rules (shared/data/README.md §3): purchases
 * on the same day are one purchase with their amounts added; the first purchase day is the
 * birth; recency and T are counted in days from it, then divided by `unitDays`. Rows come out
 * sorted by customer id.
 */
export function summarizeTransactions(log: Iterable<Transaction>, options: SummaryOptions = {}): RfmRow[] {
  const byCustomer = new Map<string, Map<number, number>>();
  let latest = -Infinity;
  for (const t of log) {
    if (options.end !== undefined && t.day > options.end) continue;
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map()));
    days.set(t.day, (days.get(t.day) ?? 0) + (t.amount ?? 0));
    if (t.day > latest) latest = t.day;
  }
  const end = options.end ?? latest;
  const unit = options.unitDays ?? 1;
  const rows: RfmRow[] = [];
  for (const [id, days] of byCustomer) {
    const ordered = [...days.keys()].sort((a, b) => a - b);
    const birth = ordered[0]!;
    const last = ordered[ordered.length - 1]!;
    let repeatTotal = 0;
    for (let i = 1; i < ordered.length; i++) repeatTotal += days.get(ordered[i]!)!;
    const frequency = ordered.length - 1;
    rows.push({
      id,
      frequency,
      recency: (last - birth) / unit,
      T: (end - birth) / unit,
      monetaryValue: frequency > 0 ? repeatTotal / frequency : 0,
    });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

import { DateTime } from 'luxon';
import type { Scope } from '../../auth/scope.js';
import { computeIncentives, type StaffIncentive } from '../../campaigns/incentives.js';
import type { WarningLevel } from '../../campaigns/vocabulary.js';
import { DEFAULT_TIME_ZONE } from '../../domain/dates.js';
import type { Db } from '../../store/db.js';
import { readLostCustomers, type LostCustomer } from '../../store/campaign-review-lost.js';
import { readWarningFigures, type WarningFigures } from '../../store/campaign-review-warnings.js';
import { readRecoveries, type RecoveryRow } from '../../store/campaign-recoveries.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { readCareReview, type CareReview } from './care-review.js';
import { readGaveUp, type GaveUpMember } from './read-gave-up.js';

export interface FailedCase {
  customerId: string;
  name: string;
  value: number;
  churnReason: string;
  /** gave_up: a campaign tried and gave up; lost: the customer left this month. */
  why: 'gave_up' | 'lost';
  lifecycle: string | null;
  attempts: number | null;
}

export interface MonthlyReview {
  month: string;
  from: string;
  to: string;
  warnings: WarningFigures;
  recovered: { customers: number; revenue: number; fromCampaigns: number; fromWarnings: number };
  lost: { customers: number; value: number; byLifecycle: Record<string, number>; list: LostCustomer[] };
  churnReasons: { reason: string; customers: number; share: number; value: number }[];
  bestCases: RecoveryRow[];
  failedCases: FailedCase[];
  staff: StaffIncentive[];
  care: CareReview;
}

const CASES = 5;
const LOST_LISTED = 20;

export function monthBounds(month: string): { from: Date; to: Date; fromDay: string; toDay: string } {
  const start = DateTime.fromISO(`${month}-01`, { zone: DEFAULT_TIME_ZONE });
  if (!start.isValid || !/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const end = start.plus({ months: 1 });
  return { from: start.toJSDate(), to: end.toJSDate(), fromDay: start.toISODate()!, toDay: end.minus({ days: 1 }).toISODate()! };
}

function failedCases(gaveUp: GaveUpMember[], lost: LostCustomer[]): FailedCase[] {
  const cases: FailedCase[] = gaveUp.map((g) => ({
    customerId: g.customerId, name: g.name, value: g.value, churnReason: g.churnReason, why: 'gave_up', lifecycle: null, attempts: g.attempts,
  }));
  const seen = new Set(cases.map((c) => c.customerId));
  for (const l of lost) {
    if (seen.has(l.customerId)) continue;
    cases.push({ customerId: l.customerId, name: l.name, value: l.value, churnReason: l.churnReason, why: 'lost', lifecycle: l.lifecycle, attempts: null });
  }
  return cases.sort((a, b) => b.value - a.value || (a.customerId < b.customerId ? -1 : 1)).slice(0, CASES);
}

/**
 * The monthly review (programs.md §11, screens.md): warnings and the recovery rate, lost customers
 * and the value lost, the churn-reason distribution, best and failed cases, and the staff
 * leaderboard with the month's rewards; and the month's proactive care against its hold-out.
 */
export async function readMonthlyReview(db: Db, month: string, scope: Scope): Promise<MonthlyReview> {
  const b = monthBounds(month);
  const [warnings, lost, recoveries, gaveUp, settings] = await Promise.all([
    readWarningFigures(db, scope, b.from, b.to),
    readLostCustomers(db, scope, b.fromDay, b.toDay),
    readRecoveries(db, scope, b.from, b.to),
    readGaveUp(db, scope, b.from, b.to),
    getRetentionSettings(db),
  ]);
  const care = await readCareReview(db, scope, b.from, b.to, settings);
  const byLifecycle: Record<string, number> = {};
  const reasons = new Map<string, { customers: number; value: number }>();
  for (const l of lost) {
    byLifecycle[l.lifecycle] = (byLifecycle[l.lifecycle] ?? 0) + 1;
    const r = reasons.get(l.churnReason) ?? { customers: 0, value: 0 };
    r.customers++;
    r.value += l.value;
    reasons.set(l.churnReason, r);
  }
  const credited = recoveries.filter((r) => r.staffId !== null);
  return {
    month, from: b.fromDay, to: b.toDay, warnings,
    recovered: {
      customers: recoveries.length, revenue: recoveries.reduce((s, r) => s + r.revenue, 0),
      fromCampaigns: recoveries.filter((r) => r.source === 'campaign').length, fromWarnings: recoveries.filter((r) => r.source === 'warning').length,
    },
    lost: { customers: lost.length, value: lost.reduce((s, l) => s + l.value, 0), byLifecycle, list: lost.slice(0, LOST_LISTED) },
    churnReasons: [...reasons.entries()]
      .map(([reason, r]) => ({ reason, customers: r.customers, share: r.customers / lost.length, value: r.value }))
      .sort((a, b) => b.customers - a.customers || (a.reason < b.reason ? -1 : 1)),
    bestCases: [...recoveries].sort((a, b) => b.revenue - a.revenue || (a.customerId < b.customerId ? -1 : 1)).slice(0, CASES),
    failedCases: failedCases(gaveUp, lost),
    staff: computeIncentives(
      credited.map((r) => ({ staffId: r.staffId!, staffName: r.staffName ?? r.staffId!, customerId: r.customerId, level: r.level as WarningLevel })),
      settings.incentives,
    ),
    care,
  };
}

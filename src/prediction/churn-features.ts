import type { CustomerEvaluation } from '../domain/evaluation.js';

/** What the churn model reads from an evaluation: the §1 features and the scores built on them. */
export type ChurnInput = Pick<CustomerEvaluation, 'features' | 'risk' | 'health' | 'signals' | 'lifecycle'>;

/** The BG/NBD outputs the churn model takes among its features. */
export interface BgNbdOutputs {
  pAlive: number;
  expectedVisits180: number;
  pNoVisit180: number;
}

const lifecycles = ['abandoned', 'sold_or_moved', 'observation', 'dormant', 'lost'] as const;
const flag = (b: boolean) => (b ? 1 : 0);
const log1p = (v: number) => Math.log1p(Math.max(0, v));

/**
 * The churn model's inputs, by name, in a fixed order. Missing values get a neutral number plus
 * a "missing" indicator, so "never rated" and "rated 7" stay apart; counts of money and days are
 * log-scaled, as a logistic model on raw yuan would hang everything on the few big spenders.
 */
const columns: readonly [string, (e: ChurnInput, bg: BgNbdOutputs) => number][] = [
  ['logR', (e) => log1p(e.features.R)],
  ['visits365', (e) => e.features.visits365],
  ['visitsPrev365', (e) => e.features.visitsPrev365],
  ['logSpend365', (e) => log1p(e.features.spend365)],
  ['logSpendPrev365', (e) => log1p(e.features.spendPrev365)],
  ['ticketTrend', (e) => e.features.ticketTrend ?? 1],
  ['ticketTrendMissing', (e) => flag(e.features.ticketTrend === null)],
  ['lastNps', (e) => e.features.lastNps ?? 8],
  ['lastNpsMissing', (e) => flag(e.features.lastNps === null)],
  ['sat5', (e) => e.features.sat5 ?? 4],
  ['sat5Missing', (e) => flag(e.features.sat5 === null)],
  ['logOverdueDays', (e) => log1p(e.features.overdueDays ?? 0)],
  ['remindersUnanswered', (e) => e.features.remindersUnanswered],
  ['refusedToBook', (e) => flag(e.features.refusedToBook)],
  ['cancellations90', (e) => e.features.cancellations90],
  ['reschedules90', (e) => e.features.reschedules90],
  ['hasApp', (e) => flag(e.features.hasApp)],
  ['appLogins30', (e) => e.features.appLogins30],
  ['appBaseline', (e) => e.features.appBaseline],
  ['wechatPerMonth', (e) => e.features.wechatPerMonth ?? 0],
  ['wechatMissing', (e) => flag(e.features.wechatPerMonth === null)],
  ['interactionsPerMonth', (e) => e.features.interactionsPerMonth],
  ['callAnswerRate', (e) => e.features.callAnswerRate ?? 1],
  ['callAnswerRateMissing', (e) => flag(e.features.callAnswerRate === null)],
  ['complaints365', (e) => e.features.complaints365],
  ['logComplaintSilenceDays', (e) => log1p(e.features.complaintSilenceDays ?? 0)],
  ['valueAddDeclineStreak', (e) => e.features.valueAddDeclineStreak],
  ['basicOnlyStreak', (e) => e.features.basicOnlyStreak],
  ['invited365', (e) => e.features.invited365],
  ['attended365', (e) => e.features.attended365],
  ['contactInvalid', (e) => flag(e.features.contactInvalid)],
  ['socialNegativeOpen', (e) => flag(e.features.socialNegativeOpen)],
  ['referrals365', (e) => e.features.referrals365],
  ['logTenureDays', (e) => log1p(e.features.tenureDays)],
  ['returned', (e) => flag(e.features.returnedAt !== null)],
  ['riskScore', (e) => e.risk.score],
  ['healthScore', (e) => e.health.score],
  ['signals', (e) => e.signals.length],
  ...lifecycles.map((l) => [`lifecycle=${l}`, (e: ChurnInput) => flag(e.lifecycle === l)] as [string, (e: ChurnInput) => number]),
  ['pAlive', (_e, bg) => bg.pAlive],
  ['expectedVisits180', (_e, bg) => bg.expectedVisits180],
  ['pNoVisit180', (_e, bg) => bg.pNoVisit180],
];

export const CHURN_FEATURES: readonly string[] = columns.map(([name]) => name);

export function churnFeatures(e: ChurnInput, bg: BgNbdOutputs): number[] {
  return columns.map(([, read]) => read(e, bg));
}

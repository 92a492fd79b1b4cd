import type { Features } from '../evaluation.js';
import { signalIds, type SignalId } from '../signal-ids.js';

export type FieldKind = 'number' | 'boolean' | 'date';

/** Every feature a rule can read, with the type of its value (dates compare as 'YYYY-MM-DD'). */
const featureKinds: Record<keyof Features, FieldKind> = {
  R: 'number',
  visits365: 'number',
  visitsPrev365: 'number',
  spend365: 'number',
  spendPrev365: 'number',
  ticketTrend: 'number',
  lastNps: 'number',
  prevNps: 'number',
  lastSatisfaction: 'number',
  sat5: 'number',
  maintenanceDue: 'date',
  secondDue: 'date',
  overdueDays: 'number',
  remindersUnanswered: 'number',
  refusedToBook: 'boolean',
  cancellations90: 'number',
  reschedules90: 'number',
  hasApp: 'boolean',
  appLogins30: 'number',
  appBaseline: 'number',
  wechatPerMonth: 'number',
  interactionsPerMonth: 'number',
  callAnswerRate: 'number',
  complaints365: 'number',
  complaintSilenceDays: 'number',
  valueAddDeclineStreak: 'number',
  basicOnlyStreak: 'number',
  invited365: 'number',
  attended365: 'number',
  contactInvalid: 'boolean',
  socialNegativeOpen: 'boolean',
  referrals365: 'number',
  annualSpend: 'number',
  historicalAnnualSpend: 'number',
  tenureDays: 'number',
  returnedAt: 'date',
};

const scoreFields = ['risk.score', 'health.score', 'signals.count'] as const;
const SIGNAL_PREFIX = 'signal.';

function isFeatureName(name: string): name is keyof Features {
  return Object.hasOwn(featureKinds, name);
}

/** The kind of a rule field, or undefined when no such field exists. */
export function fieldKind(name: string): FieldKind | undefined {
  if (isFeatureName(name)) return featureKinds[name];
  if ((scoreFields as readonly string[]).includes(name)) return 'number';
  if (name.startsWith(SIGNAL_PREFIX) && (signalIds as readonly string[]).includes(name.slice(SIGNAL_PREFIX.length))) {
    return 'boolean';
  }
  return undefined;
}

/** What rules are evaluated against: the features, the two scores and the signals that fired. */
export interface RuleContext {
  features: Features;
  riskScore: number;
  healthScore: number;
  fired: ReadonlySet<SignalId>;
}

export function fieldValue(ctx: RuleContext, field: string): number | boolean | string | null {
  if (isFeatureName(field)) return ctx.features[field];
  if (field === 'risk.score') return ctx.riskScore;
  if (field === 'health.score') return ctx.healthScore;
  if (field === 'signals.count') return ctx.fired.size;
  return ctx.fired.has(field.slice(SIGNAL_PREFIX.length) as SignalId);
}

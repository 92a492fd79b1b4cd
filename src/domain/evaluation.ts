import type { Prediction } from '../prediction/predict-customer.js';
import type { CareResult } from './care/care-result.js';
import type { Customer, RetainEvent, Vehicle } from './records.js';

/** Everything scoring needs to know about one customer (pure input; no I/O behind it). */
export interface CustomerFacts {
  customer: Customer;
  vehicles: Vehicle[];
  /** Validated events in any order; duplicates by id and events after asOf are ignored by scoring. */
  events: RetainEvent[];
  /** The store's IANA time zone: timestamps become store-local calendar dates. */
  timeZone: string;
}

export type Level = 'green' | 'yellow' | 'orange' | 'red';
export type HealthTier = 'green' | 'blue' | 'yellow' | 'orange' | 'red';
export type RBand = 'green' | 'yellow' | 'orange' | 'red' | 'black';
export type ValueTier = 'high' | 'mid' | 'basic';
export type Lifecycle = 'abandoned' | 'sold_or_moved' | 'observation' | 'dormant' | 'lost' | 'active';
export type Lang = 'zh-CN' | 'en';

/** scoring.md §1; dates are 'YYYY-MM-DD' strings, absent values null. */
export interface Features {
  R: number;
  visits365: number;
  visitsPrev365: number;
  spend365: number;
  spendPrev365: number;
  ticketTrend: number | null;
  lastNps: number | null;
  prevNps: number | null;
  lastSatisfaction: number | null;
  sat5: number | null;
  maintenanceDue: string | null;
  secondDue: string | null;
  overdueDays: number | null;
  remindersUnanswered: number;
  refusedToBook: boolean;
  cancellations90: number;
  reschedules90: number;
  hasApp: boolean;
  appLogins30: number;
  appBaseline: number;
  wechatPerMonth: number | null;
  interactionsPerMonth: number;
  callAnswerRate: number | null;
  complaints365: number;
  complaintSilenceDays: number | null;
  valueAddDeclineStreak: number;
  basicOnlyStreak: number;
  invited365: number;
  attended365: number;
  contactInvalid: boolean;
  socialNegativeOpen: boolean;
  referrals365: number;
  annualSpend: number;
  historicalAnnualSpend: number;
  tenureDays: number;
  returnedAt: string | null;
}

export interface SignalHit {
  id: string;
  severity: number;
  penalty: number;
  detail: string;
}

export interface RuleHit {
  id: string;
  level: Level;
  detail: string;
}

export interface SilentIndicator {
  indicator: 'R' | 'wechatPerMonth' | 'callAnswerRate' | 'sat5' | 'complaints365';
  grade: 'warning' | 'danger';
  value: number;
}

/** One customer's entry of the §12 evaluation record (the contract: names and shapes are fixed). */
export interface CustomerEvaluation {
  customerId: string;
  features: Features;
  signals: SignalHit[];
  risk: { score: number; tier: Level; components: { r: number; signals: number; nps: number } };
  rBand: RBand;
  responseLevel: Exclude<Level, 'green'> | null;
  rules: RuleHit[];
  silent: { level: Level; abnormal: SilentIndicator[] };
  health: {
    score: number;
    tier: HealthTier;
    components: { visits: number; spend: number; satisfaction: number; interaction: number; referral: number };
    warning: boolean;
  };
  valueTier: ValueTier;
  lifecycle: Lifecycle;
  recall: { level: 1 | 2 | 3 | null };
  frequencyAnomaly: boolean;
  monetaryAnomaly: boolean;
  level: Level;
  reasons: string[];
  /** scoring.md §11, beside the rules: null values where no model is fitted yet. */
  prediction: Prediction;
  /** programs.md §13: the tier's contact interval and the care moments open as of the date. */
  care: CareResult;
}

/** The whole §12 document. */
export interface EvaluationRecord {
  asOf: string;
  policyVersion: string;
  customers: CustomerEvaluation[];
}

import { formatDay, type Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { CHURN_FEATURES } from '../prediction/churn-features.js';
import { fitLogistic, predictLogistic } from '../prediction/logistic-regression.js';
import { auc, brierScore, calibrationTable, type CalibrationBin } from '../prediction/metrics.js';
import type { ChurnModel } from '../prediction/model-schemas.js';
import { casesAt, featuresAt, firstDay, type SnapshotCase, type StoreHistory } from './churn-snapshots.js';

export interface ChurnOptions {
  /** The label: no visit within this many days after the snapshot (scoring.md §11: 180). */
  horizonDays?: number;
  /** Days between snapshots. */
  stepDays?: number;
  /** At most this many snapshots, newest first. */
  maxSnapshots?: number;
  /** A snapshot needs this much history before it. */
  minHistoryDays?: number;
  /** The L2 penalty; default: chosen by a time-based validation (see chooseL2), else FALLBACK_L2. */
  l2?: number;
  /** Fewer lost (or kept) customers than this in the training snapshots: no model. */
  minOutcomes?: number;
}

const defaults = { horizonDays: 180, stepDays: 30, maxSnapshots: 12, minHistoryDays: 180, minOutcomes: 20 };

/** The penalties tried, on standardised features (λ = 1 is scikit-learn's C = 1). */
const L2_GRID = [0.1, 1, 10, 100, 1000];
/**
 * When the history is too short to validate a penalty: a strong one. With a few dozen lost
 * customers among thousands of snapshot rows and ~50 features, a light penalty fits noise (the
 * demo's back-test AUC fell below 0.5 at λ = 1 and reached ~0.9 at λ = 100).
 */
export const FALLBACK_L2 = 100;

type Options = typeof defaults & { l2?: number };

/**
 * The snapshot dates whose labels are fully known by `asOf`: asOf − horizon, then a step earlier
 * each, while there is enough history before them.
 */
export function snapshotDates(data: StoreHistory, asOf: Day, options: ChurnOptions = {}): Day[] {
  const o: Options = { ...defaults, ...options };
  const first = firstDay(data);
  if (first === null) return [];
  const dates: Day[] = [];
  for (let d = asOf - o.horizonDays; d >= first + o.minHistoryDays && dates.length < o.maxSnapshots; d -= o.stepDays) dates.push(d);
  return dates;
}

interface Labelled {
  features: number[][];
  lost: boolean[];
}

function labelledAt(data: StoreHistory, policy: Policy, date: Day, horizonDays: number): (Labelled & { cases: SnapshotCase[] }) | null {
  const cases = casesAt(data, policy, date, horizonDays);
  const x = featuresAt(data, cases, date);
  if (!x) return null;
  return { cases, features: x.features, lost: cases.map((c) => c.lost) };
}

function pooled(data: StoreHistory, policy: Policy, dates: readonly Day[], horizonDays: number): { features: number[][]; lost: number[]; positives: number } {
  const features: number[][] = [];
  const lost: number[] = [];
  for (const d of dates) {
    const l = labelledAt(data, policy, d, horizonDays);
    if (!l) continue;
    // A loop, not push(...rows): a big store's snapshot would overflow the argument limit.
    for (let i = 0; i < l.features.length; i++) {
      features.push(l.features[i]!);
      lost.push(l.lost[i] ? 1 : 0);
    }
  }
  return { features, lost, positives: lost.reduce((a, b) => a + b, 0) };
}

const enough = (p: { lost: number[]; positives: number }, min: number) => p.positives >= min && p.lost.length - p.positives >= min;

/**
 * The penalty with the best log-loss on the newest training snapshot, for models trained on the
 * snapshots whose outcomes were known by then: the back-test's own recipe, one horizon earlier.
 * Null when that history is too short to say.
 */
function chooseL2(data: StoreHistory, policy: Policy, dates: readonly Day[], o: Options): number | null {
  const validation = dates[0];
  if (validation === undefined) return null;
  const inner = pooled(data, policy, snapshotDates(data, validation, o), o.horizonDays);
  const held = labelledAt(data, policy, validation, o.horizonDays);
  if (!held || !enough(inner, o.minOutcomes) || held.lost.filter(Boolean).length === 0) return null;
  let best: { l2: number; loss: number } | null = null;
  for (const l2 of L2_GRID) {
    const { model } = fitLogistic(inner.features, inner.lost, [...CHURN_FEATURES], { l2 });
    let loss = 0;
    held.features.forEach((row, i) => {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, predictLogistic(model, row)));
      loss -= held.lost[i] ? Math.log(p) : Math.log(1 - p);
    });
    if (!best || loss < best.loss) best = { l2, loss };
  }
  return best!.l2;
}

/** A regularised logistic model on the snapshots of `dates` pooled; null without enough of both outcomes. */
function fitOn(data: StoreHistory, policy: Policy, dates: readonly Day[], o: Options): { model: ChurnModel; rows: number; lostRate: number; l2Chosen: boolean } | null {
  const p = pooled(data, policy, dates, o.horizonDays);
  if (!enough(p, o.minOutcomes)) return null;
  const chosen = o.l2 ?? chooseL2(data, policy, dates, o);
  const { model } = fitLogistic(p.features, p.lost, [...CHURN_FEATURES], { l2: chosen ?? FALLBACK_L2 });
  return { model: { horizonDays: o.horizonDays, ...model }, rows: p.lost.length, lostRate: p.positives / p.lost.length, l2Chosen: chosen !== null && o.l2 === undefined };
}

export interface ChurnBacktest {
  trainDates: string[];
  l2: number;
  testDate: string;
  trainRows: number;
  testRows: number;
  lostRate: number;
  auc: number | null;
  brier: number;
  /** The Brier score of predicting the training base rate for everyone: the bar to beat. */
  baseRateBrier: number;
  calibration: CalibrationBin[];
}

/**
 * The time-based back-test at `testDate`: a model trained only on snapshots whose outcome was
 * known by then, scored on the customers as of `testDate` against what happened in the horizon after.
 */
export function churnBacktest(data: StoreHistory, policy: Policy, testDate: Day, options: ChurnOptions = {}): (ChurnBacktest & { cases: SnapshotCase[]; probabilities: number[] }) | null {
  const o: Options = { ...defaults, ...options };
  const trainDates = snapshotDates(data, testDate, o);
  const trained = fitOn(data, policy, trainDates, o);
  const test = labelledAt(data, policy, testDate, o.horizonDays);
  if (!trained || !test || test.cases.length === 0) return null;
  const probabilities = test.features.map((row) => predictLogistic(trained.model, row));
  return {
    trainDates: trainDates.map(formatDay),
    l2: trained.model.l2,
    testDate: formatDay(testDate),
    trainRows: trained.rows,
    testRows: test.cases.length,
    lostRate: test.lost.filter(Boolean).length / test.lost.length,
    auc: auc(probabilities, test.lost),
    brier: brierScore(probabilities, test.lost),
    baseRateBrier: brierScore(test.lost.map(() => trained.lostRate), test.lost),
    calibration: calibrationTable(probabilities, test.lost),
    cases: test.cases,
    probabilities,
  };
}

/**
 * The Brier score of a stored model on the customers as of `testDate` against what happened in
 * its horizon after: the not-worse gate puts the model in force on a new fit's test window.
 */
export function brierAt(data: StoreHistory, policy: Policy, testDate: Day, model: ChurnModel): number | null {
  const test = labelledAt(data, policy, testDate, model.horizonDays);
  if (!test || test.cases.length === 0) return null;
  return brierScore(test.features.map((row) => predictLogistic(model, row)), test.lost);
}

export interface ChurnTraining {
  model: ChurnModel;
  metrics: {
    horizonDays: number;
    trainDates: string[];
    rows: number;
    lostRate: number;
    /** The penalty, and whether a time-based validation chose it (else the fallback). */
    l2: number;
    l2Validated: boolean;
    backtest: ChurnBacktest | null;
  };
  customers: number;
  windowFrom: string | null;
}

/**
 * The churn model in force as of `asOf`: trained on every snapshot whose outcome is known by
 * then, and reported with the back-test of the same recipe one horizon earlier.
 */
export function trainChurnModel(data: StoreHistory, policy: Policy, asOf: Day, options: ChurnOptions = {}): ChurnTraining | null {
  const o: Options = { ...defaults, ...options };
  const dates = snapshotDates(data, asOf, o);
  const trained = fitOn(data, policy, dates, o);
  if (!trained) return null;
  const bt = churnBacktest(data, policy, asOf - o.horizonDays, o);
  const backtest = bt && (({ cases: _c, probabilities: _p, ...rest }) => rest)(bt);
  const first = firstDay(data);
  return {
    model: trained.model,
    metrics: {
      horizonDays: o.horizonDays,
      trainDates: dates.map(formatDay),
      rows: trained.rows,
      lostRate: trained.lostRate,
      l2: trained.model.l2,
      l2Validated: trained.l2Chosen,
      backtest,
    },
    customers: data.customers.length,
    windowFrom: first === null ? null : formatDay(first),
  };
}

import { formatDay, type Day } from '../domain/dates.js';
import type { Level } from '../domain/evaluation.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { auc, brierScore, calibrationTable, precisionRecall, type CalibrationBin, type PrecisionRecall } from '../prediction/metrics.js';
import { casesAt, type StoreHistory } from './churn-snapshots.js';
import { churnBacktest, type ChurnOptions } from './train-churn-model.js';

export interface LevelOutcome {
  customers: number;
  lost: number;
  /** Of this level's customers, the share lost. */
  precision: number | null;
  /** Of all customers lost, the share this level held. */
  recall: number | null;
}

/** "How well did the warnings of `asOf` foresee who was lost in the horizon after it?" (item 4). */
export interface PolicyBacktest {
  asOf: string;
  horizonDays: number;
  policyVersion: string;
  customers: number;
  lost: number;
  lostRate: number | null;
  rules: {
    /** AUC of the risk score (lower = riskier) for "lost". */
    riskScoreAuc: number | null;
    levels: Record<Level, LevelOutcome>;
    red: PrecisionRecall;
    orangeOrRed: PrecisionRecall;
  };
  /**
   * The churn model trained only on what was known at `asOf`, on the same customers (those of
   * stores with enough history to train one). `red` and `orangeOrRed` flag as many customers,
   * highest probability first, as the rules flagged: the two side by side at equal effort.
   */
  churnModel: {
    customers: number;
    lost: number;
    auc: number | null;
    brier: number;
    baseRateBrier: number;
    calibration: CalibrationBin[];
    red: PrecisionRecall;
    orangeOrRed: PrecisionRecall;
    /** The same customers' rule-based flags, for the comparison. */
    rulesOnTheseCustomers: { riskScoreAuc: number | null; red: PrecisionRecall; orangeOrRed: PrecisionRecall };
  } | null;
}

const levels: Level[] = ['green', 'yellow', 'orange', 'red'];

/** Flags the `k` highest scores (ties broken by order): "the k customers the model worries about most". */
function topK(scores: readonly number[], k: number): boolean[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const flagged = new Array<boolean>(scores.length).fill(false);
  for (let i = 0; i < k; i++) flagged[order[i]!] = true;
  return flagged;
}

function ruleSide(evaluations: readonly { level: Level; risk: number }[], lost: readonly boolean[]) {
  return {
    riskScoreAuc: auc(evaluations.map((e) => -e.risk), lost),
    red: precisionRecall(evaluations.map((e) => e.level === 'red'), lost),
    orangeOrRed: precisionRecall(evaluations.map((e) => e.level === 'red' || e.level === 'orange'), lost),
  };
}

/**
 * The back-test over several stores as of `asOf`: the rules of `policy`, and the churn model
 * (trained per store with `churnPolicy`, the policy in force, whose scores are among its inputs).
 */
export function backtestStores(
  stores: readonly StoreHistory[],
  policy: Policy,
  asOf: Day,
  options: ChurnOptions & { churnPolicy?: Policy } = {},
): PolicyBacktest {
  const horizonDays = options.horizonDays ?? 180;
  const all = stores.flatMap((s) => casesAt(s, policy, asOf, horizonDays));
  const lost = all.map((c) => c.lost);
  const evaluations = all.map((c) => ({ level: c.evaluation.level, risk: c.evaluation.risk.score }));
  const lostCount = lost.filter(Boolean).length;
  const byLevel = Object.fromEntries(
    levels.map((level) => {
      const inLevel = all.filter((c) => c.evaluation.level === level);
      const l = inLevel.filter((c) => c.lost).length;
      return [level, { customers: inLevel.length, lost: l, precision: inLevel.length > 0 ? l / inLevel.length : null, recall: lostCount > 0 ? l / lostCount : null }];
    }),
  ) as Record<Level, LevelOutcome>;

  // The churn side: per store, then pooled.
  const ruleLevel = new Map(all.map((c) => [c.customerId, c.evaluation]));
  const probabilities: number[] = [];
  const churnLost: boolean[] = [];
  const sameRules: { level: Level; risk: number }[] = [];
  let baseRateBrier = 0;
  for (const s of stores) {
    const bt = churnBacktest(s, options.churnPolicy ?? policy, asOf, { ...options, horizonDays });
    if (!bt) continue;
    bt.cases.forEach((c, i) => {
      const e = ruleLevel.get(c.customerId);
      if (!e) return;
      probabilities.push(bt.probabilities[i]!);
      churnLost.push(c.lost);
      sameRules.push({ level: e.level, risk: e.risk.score });
    });
    baseRateBrier += bt.baseRateBrier * bt.testRows;
  }
  let churnModel: PolicyBacktest['churnModel'] = null;
  if (probabilities.length > 0) {
    const rules = ruleSide(sameRules, churnLost);
    churnModel = {
      customers: probabilities.length,
      lost: churnLost.filter(Boolean).length,
      auc: auc(probabilities, churnLost),
      brier: brierScore(probabilities, churnLost),
      baseRateBrier: baseRateBrier / probabilities.length,
      calibration: calibrationTable(probabilities, churnLost),
      red: precisionRecall(topK(probabilities, rules.red.flagged), churnLost),
      orangeOrRed: precisionRecall(topK(probabilities, rules.orangeOrRed.flagged), churnLost),
      rulesOnTheseCustomers: rules,
    };
  }
  return {
    asOf: formatDay(asOf),
    horizonDays,
    policyVersion: policy.version,
    customers: all.length,
    lost: lostCount,
    lostRate: all.length > 0 ? lostCount / all.length : null,
    rules: { ...ruleSide(evaluations, lost), levels: byLevel },
    churnModel,
  };
}

import { bgNbdExpectedPurchases, bgNbdPAlive, bgNbdPNoPurchase } from './bg-nbd.js';
import { churnFeatures, CHURN_FEATURES, type BgNbdOutputs, type ChurnInput } from './churn-features.js';
import { customerLifetimeValue } from './clv.js';
import { gammaGammaExpectedSpend } from './gamma-gamma.js';
import { predictLogistic } from './logistic-regression.js';
import type { BgNbdModel, ChurnModel, GammaGammaModel, ModelsUsed, PredictionModels } from './model-schemas.js';
import { summarizeVisits, type VisitHistory, type VisitSummary } from './visit-summary.js';

/** scoring.md §10: a predicted CLV over ¥100,000 marks a top-value customer. */
export const TOP_VALUE_CLV = 100_000;

/** The record's `prediction`: null where no model is fitted (or the customer has no history yet). */
export interface Prediction {
  pAlive: number | null;
  expectedVisits90: number | null;
  churnProbability: number | null;
  clv: number | null;
  topValue: boolean;
  /** The stored models behind the figures (null when none was used). */
  models: ModelsUsed | null;
}

export const emptyPrediction = (): Prediction => ({ pAlive: null, expectedVisits90: null, churnProbability: null, clv: null, topValue: false, models: null });

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** P(alive), expected visits and P(no visit) in days from the BG/NBD model, for one summary. */
export function bgNbdOutputs(model: BgNbdModel, s: VisitSummary): BgNbdOutputs & { expectedVisits90: number } {
  const u = model.unitDays;
  const [x, tx, T] = [s.frequency, s.recency / u, s.T / u];
  return {
    pAlive: bgNbdPAlive(model.params, x, tx, T),
    expectedVisits90: bgNbdExpectedPurchases(model.params, x, tx, T, 90 / u),
    expectedVisits180: bgNbdExpectedPurchases(model.params, x, tx, T, 180 / u),
    pNoVisit180: bgNbdPNoPurchase(model.params, x, tx, T, 180 / u),
  };
}

export function churnProbability(model: ChurnModel, input: ChurnInput, bg: BgNbdOutputs): number {
  if (model.features.length !== CHURN_FEATURES.length || model.features.some((f, i) => f !== CHURN_FEATURES[i])) {
    throw new Error('the stored churn model was trained on other features: refit it (retain fit churn)');
  }
  return predictLogistic(model, churnFeatures(input, bg));
}

/** Expected value of the visits of the next `clvMonths`, discounted monthly: BG/NBD visits × paid share × Gamma-Gamma ticket. */
export function clvOf(bg: BgNbdModel, gg: GammaGammaModel, s: VisitSummary): number {
  const u = bg.unitDays;
  // The customer's own paid share, pulled towards the store's by two pseudo-visits.
  const share = (s.paidVisits + 2 * gg.paidShare) / (s.visits + 2);
  const spend = gammaGammaExpectedSpend(gg.params, s.paidVisits, s.meanPaid);
  return customerLifetimeValue(
    (t) => bgNbdExpectedPurchases(bg.params, s.frequency, s.recency / u, s.T / u, t),
    share * spend,
    { months: gg.clvMonths, monthlyDiscountRate: gg.monthlyDiscountRate, unitsPerMonth: 30 / u },
  );
}

/** The prediction shown beside the rules (scoring.md §11) for one customer as of `asOf`. */
export function predictCustomer(input: ChurnInput, history: VisitHistory, asOf: number, models: PredictionModels): Prediction {
  const out = emptyPrediction();
  if (!models.bgNbd) return out;
  const summary = summarizeVisits(history, asOf);
  if (!summary) return out;
  const bg = bgNbdOutputs(models.bgNbd, summary);
  out.models = models.used ?? null;
  out.pAlive = round(bg.pAlive, 4);
  out.expectedVisits90 = round(bg.expectedVisits90, 4);
  if (models.churn) out.churnProbability = round(churnProbability(models.churn, input, bg), 4);
  if (models.gammaGamma) {
    out.clv = round(clvOf(models.bgNbd, models.gammaGamma, summary), 2);
    out.topValue = out.clv > TOP_VALUE_CLV;
  }
  return out;
}

import { churnFeatures, CHURN_FEATURES, type ChurnInput } from './churn-features.js';
import type { PredictionModels } from './model-schemas.js';
import { bgNbdOutputs } from './predict-customer.js';
import { summarizeVisits, type VisitHistory } from './visit-summary.js';

export interface ChurnFactor {
  /** The churn model's input (churn-features.ts), e.g. `logR`, `lastNps`, `pAlive`. */
  feature: string;
  /** Its share of the log-odds against the store's average customer: weight × standardised value. */
  contribution: number;
}

/**
 * Why the churn probability is what it is, for customer 360: each input's term of the logistic
 * model's log-odds, measured from the training mean (so 0 is "like the average customer"), the
 * `n` that raise it most and the `n` that lower it most. Null without the churn and BG/NBD models (or before the customer's start).
 */
export function churnFactors(
  input: ChurnInput, history: VisitHistory, asOf: number, models: PredictionModels, n = 3,
): { raises: ChurnFactor[]; lowers: ChurnFactor[] } | null {
  const { bgNbd, churn } = models;
  if (!bgNbd || !churn || churn.features.join() !== CHURN_FEATURES.join()) return null;
  const summary = summarizeVisits(history, asOf);
  if (!summary) return null;
  const row = churnFeatures(input, bgNbdOutputs(bgNbd, summary));
  const terms = row.map((x, j) => ({ feature: churn.features[j]!, contribution: (churn.weights[j]! * (x - churn.means[j]!)) / churn.scales[j]! }));
  const round = (f: ChurnFactor) => ({ feature: f.feature, contribution: Math.round(f.contribution * 1000) / 1000 });
  return {
    raises: terms.filter((f) => f.contribution > 0.005).sort((a, b) => b.contribution - a.contribution).slice(0, n).map(round),
    lowers: terms.filter((f) => f.contribution < -0.005).sort((a, b) => a.contribution - b.contribution).slice(0, n).map(round),
  };
}

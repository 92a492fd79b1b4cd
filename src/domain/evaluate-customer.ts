import type { PredictionModels } from '../prediction/model-schemas.js';
import { emptyPrediction, predictCustomer } from '../prediction/predict-customer.js';
import { evaluateCare } from './care/evaluate-care.js';
import { formatDay, parseDay, type Day } from './dates.js';
import type { CustomerEvaluation, CustomerFacts, EvaluationRecord, Lang } from './evaluation.js';
import { computeFeatures } from './features/compute-features.js';
import { healthScore } from './health.js';
import { lifecycle as lifecycleOf } from './lifecycle.js';
import type { Policy } from './policy/policy-schema.js';
import { buildReasons } from './reasons/build-reasons.js';
import { recallLevel } from './recall.js';
import { responseLevel } from './response-level.js';
import { frequencyAnomaly, monetaryAnomaly, rBand } from './rfm.js';
import { riskScore } from './risk.js';
import { evaluateRules } from './rules/evaluate-rules.js';
import type { SignalId } from './signal-ids.js';
import { evaluateSignals } from './signals.js';
import { silentLevel } from './silent-level.js';
import { valueTier } from './value-tier.js';
import { warningLevel } from './warning-level.js';

export interface EvaluateOptions {
  /** Language of the reasons (default zh-CN). */
  lang?: Lang;
  /** The fitted models of the customer's store (src/prediction); without them every prediction is null. */
  models?: PredictionModels | undefined;
}

/** scoring.md in full for one customer as of `asOf`: a pure function of its three inputs. */
export function evaluateCustomer(facts: CustomerFacts, policy: Policy, asOf: Day, options: EvaluateOptions = {}): CustomerEvaluation {
  const featureSet = computeFeatures(facts, policy, asOf);
  const f = featureSet.features;
  const signals = evaluateSignals(featureSet, policy.signals);
  const risk = riskScore(f, signals, policy.risk);
  const health = healthScore(f, policy.health);
  const response = responseLevel(f, signals.length, policy.responseLevels);
  const fired = evaluateRules(policy.rules, {
    features: f,
    riskScore: risk.score,
    healthScore: health.score,
    fired: new Set(signals.map((s) => s.id as SignalId)),
  });
  const rules = fired.map((r) => r.hit);
  const silent = silentLevel(f, policy.silent);
  const lifecycle = lifecycleOf(f, featureSet.timeline, facts.vehicles, policy.lifecycle);
  const level = warningLevel(
    { riskTier: risk.tier, response: response.level, rules, silent: silent.level },
    lifecycle,
    policy.level.observationRaise,
  );
  const tier = valueTier(f.annualSpend, policy.valueTier);
  return {
    customerId: facts.customer.id,
    features: f,
    signals,
    risk,
    rBand: rBand(f.R, policy.rBands),
    responseLevel: response.level,
    rules,
    silent,
    health,
    valueTier: tier,
    lifecycle,
    recall: recallLevel(lifecycle, f, policy),
    frequencyAnomaly: frequencyAnomaly(f, policy.anomalies.frequency),
    monetaryAnomaly: monetaryAnomaly(f, signals, policy.anomalies.monetary),
    level: level.level,
    reasons: buildReasons(
      { features: f, risk, riskWeights: policy.risk.weights, response, rules: fired, silent, signals, level },
      options.lang ?? 'zh-CN',
    ),
    prediction: options.models
      ? predictCustomer(
          { features: f, risk, health, signals, lifecycle },
          { since: parseDay(facts.customer.since), visits: featureSet.timeline.of('visit').map((v) => ({ day: v.day, amount: v.e.amount })) },
          asOf,
          options.models,
        )
      : emptyPrediction(),
    care: evaluateCare({ facts, timeline: featureSet.timeline, valueTier: tier, level: level.level, lifecycle }, policy, asOf),
  };
}

/** The §12 document: every customer as of `asOf`, sorted by customer id. */
export function evaluateCustomers(
  facts: Iterable<CustomerFacts>,
  policy: Policy,
  asOf: Day,
  options: EvaluateOptions = {},
): EvaluationRecord {
  const customers: CustomerEvaluation[] = [];
  for (const f of facts) customers.push(evaluateCustomer(f, policy, asOf, options));
  customers.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return { asOf: formatDay(asOf), policyVersion: policy.version, customers };
}

import { z } from 'zod';
import { careShape } from '../care/care-schema.js';
import { checkCondition } from '../rules/check-condition.js';
import type { Condition } from '../rules/condition.js';
import { boundSchema, scaleSchema, scaleWithNoDataSchema } from './bounds-schema.js';
import { crossChecks } from './cross-checks.js';
import shipped from './default-policy.json' with { type: 'json' };
import { signalsSchema } from './signals-schema.js';

const days = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const weight = z.number().min(0).max(1);
const warningLevel = z.enum(['yellow', 'orange', 'red']);

const conditionSchema = z.custom<Condition>().superRefine((input, ctx) => {
  for (const issue of checkCondition(input)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/** scoring.md §6: a rule is data — a condition over features, scores and signals, and a level. */
const ruleSchema = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty'),
  level: warningLevel,
  enabled: z.boolean().default(true),
  description: z.string().optional(),
  when: conditionSchema,
});

const responseStep = z.strictObject({ minR: days, minSignals: z.number().int().min(1), maxLastNps: z.number().min(0).max(10).nullable() });
const silentIndicator = z.strictObject({ warning: boundSchema, danger: boundSchema });
const recallLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();
/** When the worker refits a store's models, and what a store needs to fit its own (else the network's). */
const predictionShape = z.strictObject({
  refitEveryDays: z.number().int().min(1).max(365),
  minHistoryDays: days,
  minCustomers: count,
  /** A red customer below `low` churn probability, or a green one above `high`: rules and model disagree. */
  disagreement: z.strictObject({ low: weight, high: weight }),
});
const recallRow = z.strictObject({ recent: recallLevel, middle: recallLevel, long: recallLevel });

/**
 * The whole scoring policy: every number of scoring.md. Plain JSON data (it is stored as a
 * document and compared by content), validated on load with the path of each bad field.
 */
const policyShape = z.strictObject({
  version: z.string().trim().min(1, 'must not be empty'),
  features: z.strictObject({
    reminderWindowDays: days,
    mileageLookbackDays: days,
    npsToSat5: scaleSchema,
  }),
  rBands: z.strictObject({ green: days, yellow: days, orange: days, red: days }),
  anomalies: z.strictObject({
    frequency: z.strictObject({ minPrevVisits: count, maxRatio: z.number().min(0) }),
    monetary: z.strictObject({ maxTicketTrend: z.number().min(0) }),
  }),
  signals: signalsSchema,
  risk: z.strictObject({
    weights: z.strictObject({ r: weight, signals: weight, nps: weight }),
    rScore: scaleSchema,
    npsScore: scaleWithNoDataSchema,
    tiers: z.strictObject({ green: z.number(), yellow: z.number(), orange: z.number() }),
  }),
  responseLevels: z.strictObject({ yellow: responseStep, orange: responseStep, red: responseStep }),
  rules: z.array(ruleSchema),
  health: z.strictObject({
    weights: z.strictObject({ visits: weight, spend: weight, satisfaction: weight, interaction: weight, referral: weight }),
    visits: scaleSchema,
    spend: scaleSchema,
    satisfaction: scaleWithNoDataSchema,
    interaction: scaleSchema,
    referral: scaleSchema,
    tiers: z.strictObject({ green: z.number(), blue: z.number(), yellow: z.number(), orange: z.number() }),
    warning: z.strictObject({
      tiers: z.array(z.enum(['green', 'blue', 'yellow', 'orange', 'red'])),
      minTenureDays: days,
    }),
  }),
  silent: z.strictObject({
    indicators: z.strictObject({
      R: silentIndicator,
      wechatPerMonth: silentIndicator,
      callAnswerRate: silentIndicator,
      sat5: silentIndicator,
      complaints365: silentIndicator,
    }),
    levels: z.strictObject({ yellow: count, orange: count, red: count }),
  }),
  valueTier: z.strictObject({ high: boundSchema, mid: boundSchema }),
  lifecycle: z.strictObject({
    observationDays: days,
    returnGapDays: days,
    dormantMinR: days,
    dormantAfterSecondDue: z.boolean(),
    lostAboveR: days,
  }),
  recall: z.strictObject({
    recentMaxR: days,
    longAboveR: days,
    levels: z.strictObject({ high: recallRow, mid: recallRow, basic: recallRow }),
  }),
  level: z.strictObject({ observationRaise: warningLevel }),
  // Policies saved before proactive care existed have no care section: they get the shipped one.
  care: careShape.prefault(() => structuredClone(shipped.care) as z.input<typeof careShape>),
  // The same for the prediction section (scoring.md §11: the models' refit schedule).
  prediction: predictionShape.prefault(() => structuredClone(shipped.prediction)),
});

export type Policy = z.infer<typeof policyShape>;

export const policySchema = policyShape.superRefine(crossChecks);
export type Rule = Policy['rules'][number];

import { z } from 'zod';

/**
 * The fitted models as stored (a JSON document per model): validated whenever they are read back,
 * so a hand-edited or older row fails loudly instead of predicting nonsense.
 */
const positive = z.number().positive().finite();

export const bgNbdModelSchema = z.strictObject({
  params: z.strictObject({ r: positive, alpha: positive, a: positive, b: positive }),
  /** Days per model time unit (1: the store's models are fitted in days). */
  unitDays: positive,
});

export const paretoNbdModelSchema = z.strictObject({
  params: z.strictObject({ r: positive, alpha: positive, s: positive, beta: positive }),
  unitDays: positive,
});

export const gammaGammaModelSchema = z.strictObject({
  params: z.strictObject({ p: positive, q: positive, v: positive }),
  /** Store-wide share of visits that are paid: BG/NBD counts every visit, spend comes from paid ones. */
  paidShare: z.number().min(0).max(1),
  clvMonths: z.number().int().positive(),
  monthlyDiscountRate: z.number().min(0),
});

export const churnModelSchema = z
  .strictObject({
    /** The label: no visit within this many days after the snapshot. */
    horizonDays: z.number().int().positive(),
    features: z.array(z.string()).min(1),
    means: z.array(z.number()),
    scales: z.array(positive),
    weights: z.array(z.number()),
    intercept: z.number(),
    l2: z.number().min(0),
  })
  .refine((m) => m.means.length === m.features.length && m.scales.length === m.features.length && m.weights.length === m.features.length, {
    message: 'means, scales and weights need one entry per feature',
  });

export type BgNbdModel = z.infer<typeof bgNbdModelSchema>;
export type ParetoNbdModel = z.infer<typeof paretoNbdModelSchema>;
export type GammaGammaModel = z.infer<typeof gammaGammaModelSchema>;
export type ChurnModel = z.infer<typeof churnModelSchema>;

/** Which stored model a prediction used: its id, and whether it is the network's (the store could not fit its own). */
export interface ModelRef {
  id: number;
  network: boolean;
}
export type ModelsUsed = Record<'bgNbd' | 'gammaGamma' | 'churn', ModelRef | null>;

/** The models one store's customers are predicted with; null where none is fitted yet. */
export interface PredictionModels {
  bgNbd: BgNbdModel | null;
  gammaGamma: GammaGammaModel | null;
  churn: ChurnModel | null;
  /** The stored rows they came from, recorded in each prediction; absent for models not stored. */
  used?: ModelsUsed;
}

export const noModels: PredictionModels = Object.freeze({ bgNbd: null, gammaGamma: null, churn: null });

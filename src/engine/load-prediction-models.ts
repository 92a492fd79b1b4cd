import type { z } from 'zod';
import { bgNbdModelSchema, churnModelSchema, gammaGammaModelSchema, type PredictionModels } from '../prediction/model-schemas.js';
import type { Db } from '../store/db.js';
import { readCurrentModels } from '../store/read-model.js';

function parsed<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`the stored ${where} is not valid (${issue.path.join('.') || 'model'}: ${issue.message}); refit it with retain fit`);
  }
  return r.data;
}

/**
 * The models in force per store, validated: what an evaluation run passes to evaluateCustomer
 * (`{ models: byStore.get(storeId) }`) so the record carries its prediction.
 */
export async function loadPredictionModels(db: Db, storeId?: string): Promise<Map<string, PredictionModels>> {
  const byStore = new Map<string, PredictionModels>();
  for (const m of await readCurrentModels(db, storeId)) {
    let models = byStore.get(m.storeId);
    if (!models) byStore.set(m.storeId, (models = { bgNbd: null, gammaGamma: null, churn: null }));
    const where = `${m.kind} model of store ${m.storeId} (id ${m.id})`;
    if (m.kind === 'bgnbd') models.bgNbd = parsed(bgNbdModelSchema, m.model, where);
    else if (m.kind === 'gammagamma') models.gammaGamma = parsed(gammaGammaModelSchema, m.model, where);
    else if (m.kind === 'churn') models.churn = parsed(churnModelSchema, m.model, where);
  }
  return byStore;
}

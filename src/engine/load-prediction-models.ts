import type { z } from 'zod';
import { bgNbdModelSchema, churnModelSchema, gammaGammaModelSchema, type PredictionModels } from '../prediction/model-schemas.js';
import type { Db } from '../store/db.js';
import { readCurrentModels, type StoredModel } from '../store/read-model.js';
import { NETWORK } from '../store/write-model.js';
import { storeIds } from './load-store-histories.js';

function parsed<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`the stored ${where} is not valid (${issue.path.join('.') || 'model'}: ${issue.message}); refit it with retain fit`);
  }
  return r.data;
}

const KEYS = { bgnbd: 'bgNbd', gammagamma: 'gammaGamma', churn: 'churn' } as const;

function parsedModels(rows: StoredModel[], network: boolean): PredictionModels {
  const models: PredictionModels = { bgNbd: null, gammaGamma: null, churn: null, used: { bgNbd: null, gammaGamma: null, churn: null } };
  for (const m of rows) {
    const where = `${m.kind} model of ${network ? 'the network' : `store ${m.storeId}`} (id ${m.id})`;
    if (m.kind === 'bgnbd') models.bgNbd = parsed(bgNbdModelSchema, m.model, where);
    else if (m.kind === 'gammagamma') models.gammaGamma = parsed(gammaGammaModelSchema, m.model, where);
    else if (m.kind === 'churn') models.churn = parsed(churnModelSchema, m.model, where);
    else continue;
    models.used![KEYS[m.kind]] = { id: m.id, network };
  }
  return models;
}

/**
 * The models in force per store, validated: what an evaluation run passes to evaluateCustomer
 * (`{ models: byStore.get(storeId) }`) so the record carries its prediction. A store with no
 * model of a kind of its own (too small or too new to fit) uses the network's, marked as such.
 */
export async function loadPredictionModels(db: Db, storeId?: string): Promise<Map<string, PredictionModels>> {
  const rows = await readCurrentModels(db, storeId);
  const network = parsedModels(rows.filter((m) => m.storeId === NETWORK), true);
  const byStore = new Map<string, PredictionModels>();
  const stores = storeId === undefined ? await storeIds(db) : [storeId];
  for (const id of stores) {
    const own = parsedModels(rows.filter((m) => m.storeId === id), false);
    const [o, n] = [own.used!, network.used!];
    const models: PredictionModels = {
      bgNbd: own.bgNbd ?? network.bgNbd,
      gammaGamma: own.gammaGamma ?? network.gammaGamma,
      churn: own.churn ?? network.churn,
      used: { bgNbd: o.bgNbd ?? n.bgNbd, gammaGamma: o.gammaGamma ?? n.gammaGamma, churn: o.churn ?? n.churn },
    };
    if (models.bgNbd || models.gammaGamma || models.churn) byStore.set(id, models);
  }
  return byStore;
}

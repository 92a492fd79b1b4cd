import type { z } from 'zod';
import { bgNbdModelSchema, churnModelSchema, gammaGammaModelSchema, type PredictionModels } from '../prediction/model-schemas.js';
import type { Db } from '../store/db.js';
import { modelInForce, readCurrentModels, type StoredModel } from '../store/read-model.js';
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

const where = (m: StoredModel) => `${m.kind} model of ${m.storeId === NETWORK ? 'the network' : `store ${m.storeId}`} (id ${m.id})`;
const ref = (m: StoredModel | null) => (m ? { id: m.id, network: m.storeId === NETWORK } : null);

/**
 * The models in force per store, validated: what an evaluation run passes to evaluateCustomer
 * (`{ models: byStore.get(storeId) }`) so the record carries its prediction. A store with no
 * model of a kind of its own (too small or too new to fit) uses the network's, marked as such.
 */
export async function loadPredictionModels(db: Db, storeId?: string): Promise<Map<string, PredictionModels>> {
  const rows = await readCurrentModels(db, storeId);
  const byStore = new Map<string, PredictionModels>();
  for (const id of storeId === undefined ? await storeIds(db) : [storeId]) {
    const [bg, gg, churn] = [modelInForce(rows, id, 'bgnbd'), modelInForce(rows, id, 'gammagamma'), modelInForce(rows, id, 'churn')];
    if (!bg && !gg && !churn) continue;
    byStore.set(id, {
      bgNbd: bg && parsed(bgNbdModelSchema, bg.model, where(bg)),
      gammaGamma: gg && parsed(gammaGammaModelSchema, gg.model, where(gg)),
      churn: churn && parsed(churnModelSchema, churn.model, where(churn)),
      used: { bgNbd: ref(bg), gammaGamma: ref(gg), churn: ref(churn) },
    });
  }
  return byStore;
}

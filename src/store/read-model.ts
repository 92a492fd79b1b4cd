import type { Db } from './db.js';
import type { FittedModelRow, ModelKind } from './write-model.js';

/** A stored fit: `model` and `metrics` as stored; the caller validates them (prediction/model-schemas.ts). */
export interface StoredModel extends FittedModelRow {
  id: number;
  fittedAt: Date;
}

interface Row {
  id: number;
  store_id: string;
  kind: ModelKind;
  as_of: string;
  window_from: string | null;
  window_to: string;
  customers: number;
  model: unknown;
  metrics: unknown;
  fitted_at: Date;
}

const toModel = (r: Row): StoredModel => ({
  id: r.id,
  storeId: r.store_id,
  kind: r.kind,
  asOf: r.as_of,
  windowFrom: r.window_from,
  windowTo: r.window_to,
  customers: r.customers,
  model: r.model,
  metrics: r.metrics,
  fittedAt: r.fitted_at,
});

/** The model in force per store and kind: the newest row of each (of one store, or all). */
export async function readCurrentModels(db: Db, storeId?: string): Promise<StoredModel[]> {
  const rows = await db.query<Row>(
    `SELECT DISTINCT ON (store_id, kind) id, store_id, kind, as_of, window_from, window_to, customers, model, metrics, fitted_at
       FROM prediction_models ${storeId === undefined ? '' : 'WHERE store_id = $1'}
      ORDER BY store_id, kind, id DESC`,
    storeId === undefined ? [] : [storeId],
  );
  return rows.map(toModel);
}

/** Every stored fit of one store and kind, newest first: the model's history. */
export async function readModelHistory(db: Db, storeId: string, kind: ModelKind): Promise<StoredModel[]> {
  const rows = await db.query<Row>(
    `SELECT id, store_id, kind, as_of, window_from, window_to, customers, model, metrics, fitted_at
       FROM prediction_models WHERE store_id = $1 AND kind = $2 ORDER BY id DESC`,
    [storeId, kind],
  );
  return rows.map(toModel);
}

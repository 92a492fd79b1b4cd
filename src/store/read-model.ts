import type { Db } from './db.js';
import { NETWORK, type FittedModelRow, type ModelKind } from './write-model.js';

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
  fitted_by: string;
  active: boolean;
  note: string | null;
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
  fittedBy: r.fitted_by,
  active: r.active,
  note: r.note,
});

const COLUMNS = 'id, store_id, kind, as_of, window_from, window_to, customers, model, metrics, fitted_at, fitted_by, active, note';

/** The model in force per store and kind: the newest active row of each (of one store and the network's, or all). */
export async function readCurrentModels(db: Db, storeId?: string): Promise<StoredModel[]> {
  const rows = await db.query<Row>(
    `SELECT DISTINCT ON (store_id, kind) ${COLUMNS}
       FROM prediction_models WHERE active ${storeId === undefined ? '' : 'AND store_id IN ($1, $2)'}
      ORDER BY store_id, kind, id DESC`,
    storeId === undefined ? [] : [storeId, NETWORK],
  );
  return rows.map(toModel);
}

/** Of the models in force, the one a store is predicted with: its own, else the network's, else none. */
export function modelInForce(current: readonly StoredModel[], storeId: string, kind: ModelKind): StoredModel | null {
  return current.find((m) => m.storeId === storeId && m.kind === kind) ?? current.find((m) => m.storeId === NETWORK && m.kind === kind) ?? null;
}

/** Every stored fit of one store and kind, newest first, activated or not: the model's history. */
export async function readModelHistory(db: Db, storeId: string, kind: ModelKind): Promise<StoredModel[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM prediction_models WHERE store_id = $1 AND kind = $2 ORDER BY id DESC`,
    [storeId, kind],
  );
  return rows.map(toModel);
}

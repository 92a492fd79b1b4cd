import type { Db } from './db.js';

export type ModelKind = 'bgnbd' | 'paretonbd' | 'gammagamma' | 'churn';

export interface FittedModelRow {
  storeId: string;
  kind: ModelKind;
  /** The date the model was fitted as of (no data after it was seen). */
  asOf: string;
  /** The first and last day of the data it saw, YYYY-MM-DD. */
  windowFrom: string | null;
  windowTo: string;
  customers: number;
  model: unknown;
  metrics: unknown;
}

/** Stores a fitted model; it becomes the one in force for its store and kind. Returns its id. */
export async function writeModel(db: Db, row: FittedModelRow, fittedAt: Date): Promise<number> {
  const [inserted] = await db.query<{ id: number }>(
    `INSERT INTO prediction_models (store_id, kind, as_of, window_from, window_to, customers, model, metrics, fitted_at)
     VALUES ($1, $2, $3::date, $4::date, $5::date, $6, $7::jsonb, $8::jsonb, $9) RETURNING id`,
    [row.storeId, row.kind, row.asOf, row.windowFrom, row.windowTo, row.customers, JSON.stringify(row.model), JSON.stringify(row.metrics), fittedAt],
  );
  return inserted!.id;
}

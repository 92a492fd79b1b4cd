import type { Db } from './db.js';

/** The network's models: every store's customers pooled, for a store that cannot fit its own. */
export const NETWORK = '*';

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
  /** Who or what fitted it: `retain fit`, the demo, the worker's schedule. */
  fittedBy: string;
  /** False: kept for the record, not put in force (`note` says why). */
  active: boolean;
  note: string | null;
}

/** Stores a fitted model; an active one becomes the one in force for its store and kind. Returns its id. */
export async function writeModel(db: Db, row: FittedModelRow, fittedAt: Date): Promise<number> {
  const [inserted] = await db.query<{ id: number }>(
    `INSERT INTO prediction_models (store_id, kind, as_of, window_from, window_to, customers, model, metrics, fitted_at, fitted_by, active, note)
     VALUES ($1, $2, $3::date, $4::date, $5::date, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12) RETURNING id`,
    [row.storeId, row.kind, row.asOf, row.windowFrom, row.windowTo, row.customers, JSON.stringify(row.model), JSON.stringify(row.metrics), fittedAt,
      row.fittedBy, row.active, row.note],
  );
  return inserted!.id;
}

import type { Db } from './db.js';

export interface WarningView {
  id: number;
  customerId: string;
  storeId: string;
  level: string;
  reasons: string[];
  asOf: string;
  openedAt: Date;
  changedAt: Date;
  closedAt: Date | null;
}

interface WarningRow {
  id: number; customer_id: string; store_id: string; level: string; reasons: string[];
  as_of: string; opened_at: Date; changed_at: Date; closed_at: Date | null;
}

const toView = (r: WarningRow): WarningView => ({
  id: r.id, customerId: r.customer_id, storeId: r.store_id, level: r.level, reasons: r.reasons,
  asOf: r.as_of, openedAt: r.opened_at, changedAt: r.changed_at, closedAt: r.closed_at,
});

/** Open warnings, most severe first, then oldest first. */
export async function listOpenWarnings(
  db: Db,
  f: { storeId?: string | undefined; storeIds?: readonly string[] | null; advisorId?: string | null; level?: string; limit: number; offset: number },
): Promise<WarningView[]> {
  const rows = await db.query<WarningRow>(
    `SELECT id, customer_id, store_id, level, reasons, as_of, opened_at, changed_at, closed_at FROM warnings
      WHERE closed_at IS NULL AND ($1::text IS NULL OR store_id = $1) AND ($2::text IS NULL OR level = $2)
        AND ($5::text[] IS NULL OR store_id = ANY($5::text[]))
        AND ($6::text IS NULL OR customer_id IN (SELECT id FROM customers WHERE advisor_id = $6))
      ORDER BY array_position(ARRAY['red','orange','yellow'], level), opened_at, id
      LIMIT $3 OFFSET $4`,
    [f.storeId ?? null, f.level ?? null, f.limit, f.offset, f.storeIds ?? null, f.advisorId ?? null],
  );
  return rows.map(toView);
}

export async function getOpenWarning(db: Db, customerId: string): Promise<WarningView | null> {
  const [row] = await db.query<WarningRow>(
    `SELECT id, customer_id, store_id, level, reasons, as_of, opened_at, changed_at, closed_at FROM warnings
      WHERE closed_at IS NULL AND customer_id = $1`,
    [customerId],
  );
  return row ? toView(row) : null;
}

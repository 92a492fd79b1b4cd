import type { Db } from '../../store/db.js';

/** What people decided about contacting a customer (the customer_outreach row). */
export interface OutreachPatch {
  doNotContact?: boolean;
  churnReason?: string | null;
  dormantType?: string | null;
  abandonedAt?: Date | null;
  reviewedAt?: Date | null;
}

const COLUMNS: Record<keyof OutreachPatch, string> = {
  doNotContact: 'do_not_contact', churnReason: 'churn_reason', dormantType: 'dormant_type', abandonedAt: 'abandoned_at', reviewedAt: 'reviewed_at',
};

/** Sets the given fields, creating the row on first use; fields not given keep their value. */
export async function updateOutreach(db: Db, storeId: string, customerId: string, patch: OutreachPatch, now: Date): Promise<void> {
  const keys = (Object.keys(patch) as (keyof OutreachPatch)[]).filter((k) => patch[k] !== undefined);
  const cols = keys.map((k) => COLUMNS[k]);
  const values = keys.map((k) => patch[k]);
  const params = cols.map((_, i) => `$${i + 4}`);
  await db.query(
    `INSERT INTO customer_outreach (customer_id, store_id, updated_at${cols.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2, $3${params.map((p) => `, ${p}`).join('')})
     ON CONFLICT (customer_id) DO UPDATE SET updated_at = excluded.updated_at${cols.map((c) => `, ${c} = excluded.${c}`).join('')}`,
    [customerId, storeId, now, ...values],
  );
}

/** Marks customers given up (`abandonedAt` a time) or back (null), many at once. */
export async function setAbandoned(db: Db, owners: readonly { storeId: string; customerId: string }[], abandonedAt: Date | null, now: Date): Promise<void> {
  if (owners.length === 0) return;
  await db.query(
    `INSERT INTO customer_outreach (customer_id, store_id, updated_at, abandoned_at)
     SELECT u.id, u.store, $3::timestamptz, $4::timestamptz FROM unnest($1::text[], $2::text[]) AS u(id, store)
     ON CONFLICT (customer_id) DO UPDATE SET updated_at = excluded.updated_at, abandoned_at = excluded.abandoned_at`,
    [owners.map((o) => o.customerId), owners.map((o) => o.storeId), now, abandonedAt],
  );
}

import type { Db } from './db.js';

export interface PhoneReveal {
  staffId: string;
  customerId: string;
  storeId: string;
  at: Date;
  clientIp: string | null;
  userAgent: string | null;
}

export async function recordPhoneReveal(db: Db, r: PhoneReveal): Promise<void> {
  await db.query(
    'INSERT INTO phone_reveals (staff_id, customer_id, store_id, at, client_ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
    [r.staffId, r.customerId, r.storeId, r.at, r.clientIp, r.userAgent],
  );
}

export interface PhoneRevealView extends PhoneReveal {
  id: number;
  staffName: string | null;
  customerName: string | null;
}

/** The audit log, newest first, with names for reading. */
export async function listPhoneReveals(db: Db, page: { limit: number; offset: number }): Promise<{ items: PhoneRevealView[]; total: number }> {
  const rows = await db.query<{
    id: number; staff_id: string; customer_id: string; store_id: string; at: Date; client_ip: string | null;
    user_agent: string | null; staff_name: string | null; customer_name: string | null; total: number;
  }>(
    `SELECT r.id, r.staff_id, r.customer_id, r.store_id, r.at, r.client_ip, r.user_agent,
            s.name AS staff_name, c.name AS customer_name, count(*) OVER ()::int AS total
       FROM phone_reveals r
       LEFT JOIN staff s ON s.id = r.staff_id
       LEFT JOIN customers c ON c.id = r.customer_id
      ORDER BY r.at DESC, r.id DESC LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? (await countReveals(db)) : 0);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, staffId: r.staff_id, customerId: r.customer_id, storeId: r.store_id, at: r.at,
      clientIp: r.client_ip, userAgent: r.user_agent, staffName: r.staff_name, customerName: r.customer_name,
    })),
  };
}

async function countReveals(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM phone_reveals');
  return row?.n ?? 0;
}

import type { StaffRole } from '../domain/records.js';
import type { Db } from './db.js';

/** A staff member with the place that decides what they may see: store and region. */
export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  storeId: string;
  storeName: string;
  regionId: string;
}

const MEMBER_COLUMNS = `s.id, s.name, s.role, s.store_id, st.name AS store_name, st.region_id`;
interface MemberRow { id: string; name: string; role: StaffRole; store_id: string; store_name: string; region_id: string }
const toMember = (r: MemberRow): StaffMember => ({
  id: r.id, name: r.name, role: r.role, storeId: r.store_id, storeName: r.store_name, regionId: r.region_id,
});

export async function getStaffMember(db: Db, id: string): Promise<StaffMember | null> {
  const [row] = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM staff s JOIN stores st ON st.id = s.store_id WHERE s.id = $1`,
    [id],
  );
  return row ? toMember(row) : null;
}

export async function listRegionStoreIds(db: Db, regionId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM stores WHERE region_id = $1 ORDER BY id', [regionId]);
  return rows.map((r) => r.id);
}

export interface StaffListItem extends StaffMember {
  hasPassword: boolean;
  lockedUntil: Date | null;
}

/** Staff of the given stores (all stores when null), by store, role and id. */
export async function listStaff(db: Db, storeIds: readonly string[] | null): Promise<StaffListItem[]> {
  const rows = await db.query<MemberRow & { has_password: boolean; locked_until: Date | null }>(
    `SELECT ${MEMBER_COLUMNS}, (c.staff_id IS NOT NULL) AS has_password, c.locked_until
       FROM staff s JOIN stores st ON st.id = s.store_id
       LEFT JOIN staff_credentials c ON c.staff_id = s.id
      WHERE ($1::text[] IS NULL OR s.store_id = ANY($1::text[]))
      ORDER BY s.store_id, array_position(ARRAY['admin','general_manager','store_manager','service_manager','retention_specialist','advisor'], s.role), s.id`,
    [storeIds],
  );
  return rows.map((r) => ({ ...toMember(r), hasPassword: r.has_password, lockedUntil: r.locked_until }));
}

export interface StoreListItem { id: string; name: string; regionId: string }

export async function listStores(db: Db, storeIds: readonly string[] | null): Promise<StoreListItem[]> {
  const rows = await db.query<{ id: string; name: string; region_id: string }>(
    'SELECT id, name, region_id FROM stores WHERE ($1::text[] IS NULL OR id = ANY($1::text[])) ORDER BY id',
    [storeIds],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id }));
}

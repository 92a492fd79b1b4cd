import type { Db } from '../store/db.js';
import { listRegionStoreIds, type StaffMember } from '../store/read-staff.js';

/**
 * What a caller may see, as two filters every read applies: the stores (null = every store)
 * and the advisor whose customers they are (null = any advisor). The roles of the brief:
 * an advisor their own customers, a store's managers and retention specialist their store,
 * a general manager their region, an admin (and an integration's API token) everything.
 */
export interface Scope {
  storeIds: string[] | null;
  advisorId: string | null;
}

export const EVERYTHING: Scope = Object.freeze({ storeIds: null, advisorId: null }) as Scope;

export async function scopeOfStaff(db: Db, staff: StaffMember): Promise<Scope> {
  switch (staff.role) {
    case 'admin':
      return { storeIds: null, advisorId: null };
    case 'general_manager':
      return { storeIds: await listRegionStoreIds(db, staff.regionId), advisorId: null };
    case 'advisor':
      return { storeIds: [staff.storeId], advisorId: staff.id };
    case 'service_manager':
    case 'store_manager':
    case 'retention_specialist':
      return { storeIds: [staff.storeId], advisorId: null };
  }
}

/** An advisor id no customer has (ids are never empty): a filter that matches nothing. */
const NOBODY = '';

/** Narrows a requested store/advisor filter to the scope: asking outside it matches nothing. */
export function narrowToScope(scope: Scope, wanted: { storeId?: string | undefined; advisorId?: string | undefined }): Scope {
  const storeIds = wanted.storeId === undefined
    ? scope.storeIds
    : scope.storeIds === null || scope.storeIds.includes(wanted.storeId) ? [wanted.storeId] : [];
  const advisorId = wanted.advisorId === undefined
    ? scope.advisorId
    : scope.advisorId === null || scope.advisorId === wanted.advisorId ? wanted.advisorId : NOBODY;
  return { storeIds, advisorId };
}

export type CustomerAccess = { kind: 'missing' } | { kind: 'denied' } | { kind: 'allowed'; storeId: string; advisorId: string | null };

/** Whether one customer is inside the scope; a missing customer is told apart (404 vs 403). */
export async function customerAccess(db: Db, scope: Scope, customerId: string): Promise<CustomerAccess> {
  const [row] = await db.query<{ store_id: string; advisor_id: string | null }>(
    'SELECT store_id, advisor_id FROM customers WHERE id = $1',
    [customerId],
  );
  if (!row) return { kind: 'missing' };
  if (!inScope(scope, row.store_id, row.advisor_id)) return { kind: 'denied' };
  return { kind: 'allowed', storeId: row.store_id, advisorId: row.advisor_id };
}

export function inScope(scope: Scope, storeId: string, advisorId: string | null): boolean {
  if (scope.storeIds !== null && !scope.storeIds.includes(storeId)) return false;
  return scope.advisorId === null || scope.advisorId === advisorId;
}

/**
 * The SQL condition for customers of alias `c` (store_id, advisor_id) inside the scope, with its
 * two parameters appended to `params`. Always the same shape, so the statement text stays stable.
 */
export function scopeSql(scope: Scope, params: unknown[], alias = 'c'): string {
  params.push(scope.storeIds, scope.advisorId);
  const s = params.length - 1;
  const a = params.length;
  return `($${s}::text[] IS NULL OR ${alias}.store_id = ANY($${s}::text[])) AND ($${a}::text IS NULL OR ${alias}.advisor_id = $${a}::text)`;
}

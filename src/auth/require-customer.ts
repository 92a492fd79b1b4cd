import type { Context } from 'hono';
import { ApiError } from '../api/errors.js';
import type { Db } from '../store/db.js';
import { scopeOf } from './principal.js';
import { customerAccess } from './scope.js';

/**
 * Lets the request through only for a customer inside the caller's scope: 404 when there is no
 * such customer, 403 when it belongs to someone else (an advisor asking for another advisor's
 * customer) — enforced here, in the API, whatever the page shows.
 */
export async function requireCustomer(c: Context, db: Db, customerId: string): Promise<{ storeId: string; advisorId: string | null }> {
  const access = await customerAccess(db, scopeOf(c), customerId);
  if (access.kind === 'missing') throw new ApiError('not_found', `no customer "${customerId}"`);
  if (access.kind === 'denied') throw new ApiError('forbidden', `customer "${customerId}" is outside your scope`);
  return { storeId: access.storeId, advisorId: access.advisorId };
}

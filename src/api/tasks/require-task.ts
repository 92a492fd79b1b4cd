import type { Context } from 'hono';
import { principalOf } from '../../auth/principal.js';
import { inScope } from '../../auth/scope.js';
import type { Db } from '../../store/db.js';
import { getTaskRow, type TaskRow } from '../../store/read-tasks.js';
import { ApiError } from '../errors.js';

/** The signed-in staff member's id, or null for an API token. */
export function callerStaffId(c: Context): string | null {
  const p = principalOf(c);
  return p.kind === 'staff' ? p.staff.id : null;
}

/**
 * Lets the request through only for a task the caller may see: their own, or one of a customer
 * inside their scope. 404 when there is no such task, 403 when it is someone else's (the same
 * convention as customers).
 */
export async function requireTask(c: Context, db: Db, id: string): Promise<TaskRow> {
  const row = await getTaskRow(db, id);
  if (!row) throw new ApiError('not_found', `no task "${id}"`);
  const me = callerStaffId(c);
  if (me !== null && row.assigneeId === me) return row;
  if (!inScope(principalOf(c).scope, row.storeId, row.customerAdvisorId)) throw new ApiError('forbidden', `task "${id}" is outside your scope`);
  return row;
}

import type { Context } from 'hono';
import { ApiError } from '../api/errors.js';
import type { StaffRole } from '../domain/records.js';
import type { StaffMember } from '../store/read-staff.js';
import type { Scope } from './scope.js';

/** Who is calling: a signed-in staff member (cookie session) or an integration (API token). */
export type Principal =
  | { kind: 'staff'; staff: StaffMember; scope: Scope; csrfToken: string; sessionToken: string }
  | { kind: 'token'; scope: Scope };

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}

export function principalOf(c: Context): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError('unauthorized', 'sign in or send an API token');
  return p;
}

export function scopeOf(c: Context): Scope {
  return principalOf(c).scope;
}

/** The signed-in staff member; an API token is refused (the route is about a person). */
export function staffOf(c: Context): Extract<Principal, { kind: 'staff' }> {
  const p = principalOf(c);
  if (p.kind !== 'staff') throw new ApiError('forbidden', 'this route is for signed-in staff, not API tokens');
  return p;
}

/** Allows the given staff roles; API tokens count as admin when `tokens` is set. */
export function requireRole(c: Context, roles: readonly StaffRole[], options: { tokens?: boolean } = {}): Principal {
  const p = principalOf(c);
  if (p.kind === 'token') {
    if (options.tokens) return p;
    throw new ApiError('forbidden', 'this route is for signed-in staff, not API tokens');
  }
  if (!roles.includes(p.staff.role)) throw new ApiError('forbidden', `role "${p.staff.role}" may not do this`);
  return p;
}

export const MANAGER_ROLES: readonly StaffRole[] = ['admin', 'general_manager', 'store_manager', 'service_manager', 'retention_specialist'];

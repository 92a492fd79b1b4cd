import type { MiddlewareHandler } from 'hono';
import type { ApiDeps } from '../api/deps.js';
import { ApiError, errorResponse } from '../api/errors.js';
import { isValidApiToken } from '../store/api-tokens.js';
import { getStaffMember } from '../store/read-staff.js';
import { findLiveSession, touchSession } from '../store/sessions.js';
import { checkCsrf, isUnsafeMethod } from './check-csrf.js';
import type { Principal } from './principal.js';
import { EVERYTHING, scopeOfStaff } from './scope.js';
import { readSessionCookie } from './session-cookie.js';
import { SIGN_IN_RULES } from './sign-in-rules.js';

/**
 * Works out who is calling every /api/v1 route except the public ones: an `Authorization:
 * Bearer` API token (an integration; sees everything) or a staff session cookie (sees its
 * scope; requests that change things must pass the CSRF check). Nobody → 401.
 */
export function authenticate(deps: ApiDeps, isPublic: (method: string, path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    try {
      c.set('principal', await identify(deps, c));
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(c, err);
      throw err;
    }
    return next();
  };
}

async function identify(deps: ApiDeps, c: Parameters<MiddlewareHandler>[0]): Promise<Principal> {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token || !(await isValidApiToken(deps.db, token))) {
      throw new ApiError('unauthorized', 'a valid API token is required (Authorization: Bearer …)');
    }
    return { kind: 'token', scope: EVERYTHING };
  }
  const sessionToken = readSessionCookie(c);
  const now = deps.clock();
  const session = sessionToken ? await findLiveSession(deps.db, sessionToken, now, SIGN_IN_RULES.sessionIdleMs) : null;
  const staff = session ? await getStaffMember(deps.db, session.staffId) : null;
  if (!sessionToken || !session || !staff) {
    throw new ApiError('unauthorized', 'sign in, or send an API token (Authorization: Bearer …)');
  }
  if (isUnsafeMethod(c.req.method)) checkCsrf(c, session.csrfToken);
  if (now.getTime() - session.lastSeenAt.getTime() >= SIGN_IN_RULES.touchEveryMs) await touchSession(deps.db, session.tokenHash, now);
  return { kind: 'staff', staff, scope: await scopeOfStaff(deps.db, staff), csrfToken: session.csrfToken, sessionToken };
}

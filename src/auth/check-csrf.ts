import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { ApiError } from '../api/errors.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/**
 * A request that changes something on a cookie session must come from this origin: an Origin
 * header, when the browser sends one, names this host; and the X-CSRF-Token header repeats the
 * session's token, which only a page of this origin can have read (from /auth/me or sign-in).
 */
export function checkCsrf(c: Context, sessionCsrfToken: string): void {
  checkOrigin(c);
  const sent = c.req.header(CSRF_HEADER) ?? '';
  const a = Buffer.from(sent);
  const b = Buffer.from(sessionCsrfToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ApiError('forbidden', `missing or wrong ${CSRF_HEADER} header`);
  }
}

/** Refuses a request whose Origin header names another site (also guards sign-in itself). */
export function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') {
    if (origin === 'null') throw new ApiError('forbidden', 'requests from an opaque origin are refused');
    return;
  }
  const host = c.req.header('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError('forbidden', 'malformed Origin header');
  }
  if (!host || originHost !== host) throw new ApiError('forbidden', `cross-origin request from ${origin} refused`);
}

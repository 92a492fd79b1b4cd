import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie: HttpOnly (page scripts cannot read it), Secure (browsers send it over
 * HTTPS only, and treat http://localhost / 127.0.0.1 as secure for the local demo), and
 * SameSite=Strict (never sent on a request started by another site — the first line against
 * CSRF; the per-session token header is the second).
 */
export const SESSION_COOKIE = 'retain_session';

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge: maxAgeSeconds });
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}

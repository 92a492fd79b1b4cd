import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { staffOf } from '../../auth/principal.js';
import { clearSessionCookie } from '../../auth/session-cookie.js';
import { revokeSession } from '../../store/sessions.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/auth/sign-out',
  summary: 'End this session (needs X-CSRF-Token)',
  responses: {
    200: { description: 'Signed out', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: 'CSRF check failed', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function postSignOut(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const me = staffOf(c);
    await revokeSession(deps.db, me.sessionToken, deps.clock());
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  });
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { staffOf } from '../../auth/principal.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { SessionSchema, staffView } from '../web-schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  summary: 'The signed-in staff member, their scope and the CSRF token of the session',
  responses: {
    200: { description: 'The session', content: { 'application/json': { schema: SessionSchema } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getMe(app: OpenAPIHono, _deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const me = staffOf(c);
    return c.json({ staff: staffView(me.staff), scope: me.scope, csrfToken: me.csrfToken }, 200);
  });
}

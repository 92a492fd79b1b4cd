import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { scopeOf } from '../../auth/principal.js';
import { narrowToScope } from '../../auth/scope.js';
import { listOpenWarnings } from '../../store/read-warnings.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody, WarningSchema } from '../schemas.js';
import { serialiseWarning } from './get-customer.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/warnings',
  summary: 'Open warnings, most severe first',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      storeId: z.string().optional(),
      level: z.enum(['yellow', 'orange', 'red']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: { description: 'A page of open warnings', content: { 'application/json': { schema: z.object({ items: z.array(WarningSchema) }) } } },
    401: { description: 'No valid API token', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getWarnings(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const scope = narrowToScope(scopeOf(c), q);
    const items = await listOpenWarnings(deps.db, { ...q, storeId: undefined, storeIds: scope.storeIds, advisorId: scope.advisorId });
    return c.json({ items: items.map(serialiseWarning) }, 200);
  });
}

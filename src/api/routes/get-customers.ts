import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { scopeOf } from '../../auth/principal.js';
import { narrowToScope } from '../../auth/scope.js';
import { listCustomers } from '../../store/read-customers.js';
import type { ApiDeps } from '../deps.js';
import { CustomerListQuery, CustomerSummarySchema, ErrorBody } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers',
  summary: 'List customers with their latest evaluation',
  security: [{ bearer: [] }],
  request: { query: CustomerListQuery },
  responses: {
    200: {
      description: 'A page of customers; pass `next` as `after` for the following page',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(CustomerSummarySchema), next: z.string().nullable() }),
        },
      },
    },
    401: { description: 'No valid API token', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getCustomers(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const scope = narrowToScope(scopeOf(c), q);
    const items = await listCustomers(deps.db, { ...q, storeId: undefined, advisorId: scope.advisorId ?? undefined, storeIds: scope.storeIds });
    const next = items.length === q.limit ? items[items.length - 1]!.id : null;
    return c.json({ items, next }, 200);
  });
}

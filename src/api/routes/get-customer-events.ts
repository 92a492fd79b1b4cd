import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireCustomer } from '../../auth/require-customer.js';
import { listCustomerEvents } from '../../store/read-customers.js';
import type { ApiDeps } from '../deps.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/events',
  summary: "A customer's events, newest first",
  security: [{ bearer: [] }],
  request: {
    params: CustomerIdParam,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      before: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only events before this instant' }),
    }),
  },
  responses: {
    200: {
      description: 'Events in the import record format',
      content: { 'application/json': { schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } },
    },
    403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getCustomerEvents(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, before } = c.req.valid('query');
    await requireCustomer(c, deps.db, id);
    const items = await listCustomerEvents(deps.db, id, limit, before ? new Date(before) : undefined);
    return c.json({ items: items as Record<string, unknown>[] }, 200);
  });
}

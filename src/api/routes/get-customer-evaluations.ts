import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireCustomer } from '../../auth/require-customer.js';
import { listScoreHistory } from '../../store/read-customers.js';
import type { ApiDeps } from '../deps.js';
import { CustomerIdParam, ErrorBody, isoDate } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/evaluations',
  summary: "A customer's stored daily evaluations (the score trend)",
  security: [{ bearer: [] }],
  request: { params: CustomerIdParam, query: z.object({ from: isoDate.optional(), to: isoDate.optional() }) },
  responses: {
    200: {
      description: 'One point per evaluated day',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({ asOf: z.string(), level: z.string(), riskScore: z.number(), healthScore: z.number(), policyVersion: z.string() }),
            ),
          }),
        },
      },
    },
    403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getCustomerEvaluations(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    await requireCustomer(c, deps.db, id);
    return c.json({ items: await listScoreHistory(deps.db, id, from, to) }, 200);
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireRole } from '../../auth/principal.js';
import { listPhoneReveals } from '../../store/reveal-audit.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { PageQuery } from '../web-schemas.js';

const RevealSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    staffId: z.string(),
    staffName: z.string().nullable(),
    customerId: z.string(),
    customerName: z.string().nullable(),
    storeId: z.string(),
    clientIp: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi('PhoneReveal');
export type PhoneReveal = z.infer<typeof RevealSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/audit/phone-reveals',
  summary: 'The audit log of revealed phone numbers, newest first (admins)',
  security: [{ bearer: [] }],
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of the log', content: { 'application/json': { schema: z.object({ items: z.array(RevealSchema), total: z.number().int() }) } } },
    403: { description: 'Not an admin', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getPhoneReveals(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    requireRole(c, ['admin'], { tokens: true });
    const { page, pageSize } = c.req.valid('query');
    const { items, total } = await listPhoneReveals(deps.db, { limit: pageSize, offset: (page - 1) * pageSize });
    return c.json({ total, items: items.map((r) => ({ ...r, at: r.at.toISOString() })) }, 200);
  });
}

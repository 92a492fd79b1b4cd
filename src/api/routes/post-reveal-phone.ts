import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { staffOf } from '../../auth/principal.js';
import { requireCustomer } from '../../auth/require-customer.js';
import { getCustomer } from '../../store/read-customers.js';
import { recordPhoneReveal } from '../../store/reveal-audit.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/customers/{id}/reveal-phone',
  summary: "Reveal a customer's full phone number (the assigned advisor only; written to the audit log)",
  request: { params: CustomerIdParam },
  responses: {
    200: { description: 'The number', content: { 'application/json': { schema: z.object({ phone: z.string().nullable() }).openapi('RevealedPhone') } } },
    403: { description: "Not this customer's advisor, or the CSRF check failed", content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function postRevealPhone(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const me = staffOf(c);
    const { id } = c.req.valid('param');
    const access = await requireCustomer(c, deps.db, id);
    // Managers see masked numbers only: calling is the assigned advisor's work (screens.md).
    if (access.advisorId !== me.staff.id) throw new ApiError('forbidden', "only the customer's assigned advisor may reveal the number");
    const found = await getCustomer(deps.db, id);
    if (!found) throw new ApiError('not_found', `no customer "${id}"`);
    await recordPhoneReveal(deps.db, {
      staffId: me.staff.id, customerId: id, storeId: access.storeId, at: deps.clock(),
      clientIp: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    });
    return c.json({ phone: found.customer.phone ?? null }, 200);
  });
}

function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not served by the Node adapter (app.request in a test)
  }
}

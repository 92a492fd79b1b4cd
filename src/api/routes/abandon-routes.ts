import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import { requireCustomer } from '../../auth/require-customer.js';
import type { StaffRole } from '../../domain/records.js';
import { abandonCustomer, abandonedForReview, markAbandonReviewed } from '../../engine/programs/index.js';
import { abandonDetails, abandonedAt } from '../../store/read-abandoned.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

/** Giving up is a manager's decision (programs.md §9); the retention specialist reviews the list. */
const GIVE_UP_ROLES: readonly StaffRole[] = ['admin', 'general_manager', 'store_manager', 'service_manager'];

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const abandonRoute = createRoute({
  method: 'post',
  path: '/api/v1/customers/{id}/abandon',
  summary: 'Give up on a customer (programs.md §9): a farewell once, outreach stops, the data stays (managers)',
  security: ANY_AUTH,
  request: {
    params: CustomerIdParam,
    body: {
      content: json(z.strictObject({
        reason: z.string().trim().min(1).max(500).openapi({ description: 'Vehicle sold, moved away, refuses contact, cost above value, or the decision' }),
        doNotContact: z.boolean().default(false).openapi({ description: 'Deep dissatisfaction and refuses contact: not even the farewell' }),
      }).openapi('Abandon')),
      required: true,
    },
  },
  responses: {
    200: { description: 'Given up', content: json(z.object({ customerId: z.string(), abandonedAt: z.string().nullable() })) },
    403: { description: 'Not a manager, or outside your scope', content: json(ErrorBody) },
    404: { description: 'No such customer', content: json(ErrorBody) },
    409: { description: 'Already given up', content: json(ErrorBody) },
  },
});

const ReviewItem = z.object({
  customerId: z.string(), name: z.string(), storeId: z.string(), advisorId: z.string().nullable(), reason: z.string().nullable(), abandonedAt: z.string(),
});

const reviewListRoute = createRoute({
  method: 'get',
  path: '/api/v1/abandoned-review',
  summary: 'Given-up customers due for their 90-day review, oldest first (managers, in scope)',
  security: ANY_AUTH,
  responses: { 200: { description: 'Due for review', content: json(z.object({ items: z.array(ReviewItem) })) } },
});

const reviewedRoute = createRoute({
  method: 'post',
  path: '/api/v1/customers/{id}/abandon-review',
  summary: 'Record that a give-up was reviewed and stands; the customer comes up again in 90 days (managers)',
  security: ANY_AUTH,
  request: { params: CustomerIdParam },
  responses: {
    200: { description: 'Reviewed', content: json(z.object({ customerId: z.string() })) },
    409: { description: 'The customer is not given up', content: json(ErrorBody) },
  },
});

export function abandonRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(abandonRoute, async (c) => {
    const p = requireRole(c, GIVE_UP_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await requireCustomer(c, deps.db, id);
    if ((await abandonedAt(deps.db, id)) !== null) throw new ApiError('conflict', `customer "${id}" is already given up`);
    const now = deps.clock();
    await abandonCustomer(deps.db, { customerId: id, reason: body.reason, doNotContact: body.doNotContact, staffId: p.kind === 'staff' ? p.staff.id : null }, now, await deps.policy());
    return c.json({ customerId: id, abandonedAt: (await abandonedAt(deps.db, id))?.toISOString() ?? null }, 200);
  });

  app.openapi(reviewListRoute, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    const due = (await abandonedForReview(deps.db, deps.clock())).filter((r) => p.scope.storeIds === null || p.scope.storeIds.includes(r.storeId));
    const details = await abandonDetails(deps.db, due.map((r) => r.customerId));
    const items = due.map((r) => {
      const d = details.get(r.customerId);
      return { customerId: r.customerId, name: d?.name ?? r.customerId, storeId: r.storeId, advisorId: d?.advisorId ?? null, reason: d?.reason ?? null, abandonedAt: r.abandonedAt.toISOString() };
    });
    return c.json({ items }, 200);
  });

  app.openapi(reviewedRoute, async (c) => {
    requireRole(c, GIVE_UP_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    await requireCustomer(c, deps.db, id);
    if ((await abandonedAt(deps.db, id)) === null) throw new ApiError('conflict', `customer "${id}" is not given up`);
    await markAbandonReviewed(deps.db, id, deps.clock());
    return c.json({ customerId: id }, 200);
  });
}

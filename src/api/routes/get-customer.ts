import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { maskPhone, maskPhonesInText } from '../../auth/mask-phone.js';
import { requireCustomer } from '../../auth/require-customer.js';
import { getCustomer, listScoreHistory } from '../../store/read-customers.js';
import { getOpenWarning } from '../../store/read-warnings.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { CustomerIdParam, ErrorBody, WarningSchema } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}',
  summary: 'One customer: record (phone masked), vehicles, latest evaluation and open warning',
  security: [{ bearer: [] }],
  request: { params: CustomerIdParam },
  responses: {
    200: {
      description: 'The customer',
      content: {
        'application/json': {
          schema: z.object({
            customer: z.record(z.string(), z.unknown()),
            storeId: z.string(),
            vehicles: z.array(z.record(z.string(), z.unknown())),
            latestEvaluation: z
              .object({ asOf: z.string(), level: z.string(), riskScore: z.number(), healthScore: z.number(), policyVersion: z.string() })
              .nullable(),
            warning: WarningSchema.nullable(),
          }),
        },
      },
    },
    403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getCustomerRoute(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    await requireCustomer(c, deps.db, id);
    const found = await getCustomer(deps.db, id);
    if (!found) throw new ApiError('not_found', `no customer "${id}"`);
    const history = await listScoreHistory(deps.db, id);
    const warning = await getOpenWarning(deps.db, id);
    return c.json(
      {
        // The number is shown masked everywhere; the assigned advisor reveals it through reveal-phone (audited).
        customer: { ...found.customer, phone: maskPhone(found.customer.phone), ...maskedExtra(found.customer.extra) } as Record<string, unknown>,
        storeId: found.storeId,
        vehicles: found.vehicles as Record<string, unknown>[],
        latestEvaluation: history[history.length - 1] ?? null,
        warning: warning && serialiseWarning(warning),
      },
      200,
    );
  });
}

/**
 * An imported free-text note (`extra.notes` / `extra.note`, the personal note before Retain kept
 * notes of its own) is personal data like the notes: numbers written into it are masked too.
 */
function maskedExtra(extra: Record<string, unknown> | undefined): { extra?: Record<string, unknown> } {
  if (!extra) return {};
  const masked = { ...extra };
  for (const key of ['notes', 'note']) if (typeof masked[key] === 'string') masked[key] = maskPhonesInText(masked[key]);
  return { extra: masked };
}

export function serialiseWarning<W extends { openedAt: Date; changedAt: Date; closedAt: Date | null }>(w: W) {
  return {
    ...w,
    openedAt: w.openedAt.toISOString(),
    changedAt: w.changedAt.toISOString(),
    closedAt: w.closedAt ? w.closedAt.toISOString() : null,
  };
}

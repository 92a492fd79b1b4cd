import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { principalOf } from '../../auth/principal.js';
import { requireCustomer } from '../../auth/require-customer.js';
import { loadTaskBriefing } from '../../engine/task-briefing.js';
import { loadCustomerOffers } from '../customers/customer-offers.js';
import type { ApiDeps } from '../deps.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';
import { ScriptsSchema } from '../tasks/scripts-schema.js';
import { ANY_AUTH, lang } from '../web-schemas.js';

const OffersSchema = z
  .object({
    recallLevel: z.number().int().nullable().openapi({ description: 'The recall level (scoring §10); null unless dormant or lost' }),
    reason: z.string().openapi({ description: 'The churn reason the script and the first suggestion follow' }),
    granted: z.array(z.object({
      grantId: z.number().int(), campaignId: z.string(), offerId: z.string(), name: z.string(),
      status: z.enum(['granted', 'pending_approval']), validUntil: z.string(),
    })),
    suggested: z.array(z.object({
      reason: z.string(), offerId: z.string(), name: z.string(), kind: z.string(), validDays: z.number().int(),
      fits: z.boolean().openapi({ description: "The default for the customer's own churn reason" }),
    })),
  })
  .openapi('CustomerOffers');

export const CustomerScriptsSchema = z
  .object({ customerId: z.string(), scripts: ScriptsSchema, offers: OffersSchema })
  .openapi('CustomerScripts');
export type CustomerScripts = z.infer<typeof CustomerScriptsSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/scripts',
  summary: 'The retention call filled in for this customer (churn reason × customer type × stage) and the offers that apply, with or without an open task',
  security: ANY_AUTH,
  request: { params: CustomerIdParam, query: z.object({ lang }) },
  responses: {
    200: { description: 'Scripts and offers', content: { 'application/json': { schema: CustomerScriptsSchema } } },
    403: { description: 'Outside your scope (an advisor asking for another advisor’s customer)', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

/**
 * Without a task there is no program step to pick the occasion: a step of no known program gets
 * the general retention call (occasionForTask), and a call sits beside the SMS templates.
 */
const NO_TASK = { programId: 'customer_360', stepId: 'call', type: 'call' } as const;

export function getCustomerScripts(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const language = c.req.valid('query').lang;
    await requireCustomer(c, deps.db, id);
    const p = principalOf(c);
    const now = deps.clock();
    // The one reading the page is the one who would call: the script introduces them.
    const briefing = await loadTaskBriefing(deps.db, { ...NO_TASK, customerId: id, assigneeId: p.kind === 'staff' ? p.staff.id : null }, now, language);
    const offers = await loadCustomerOffers(deps.db, id, briefing.scripts.reason, now, language);
    return c.json({ customerId: id, scripts: briefing.scripts, offers }, 200);
  });
}

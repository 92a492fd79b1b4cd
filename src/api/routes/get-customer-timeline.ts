import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireCustomer } from '../../auth/require-customer.js';
import { isoInZone } from '../../engine/programs/store-time.js';
import { getCustomer } from '../../store/read-customers.js';
import { readTimeline, type TimelineEntry } from '../../store/read-timeline.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const EntrySchema = z
  .object({
    at: z.string(),
    source: z.enum(['event', 'task', 'message', 'action']),
    id: z.string(),
  })
  .catchall(z.unknown())
  .openapi('TimelineEntry', {
    description: 'event: type, event (the record). task: type, role, assigneeId, status, outcome, due, closedAt, programId, stepId. ' +
      'message: channel, purpose, status, reason, sentAt. action: kind (warning_opened, task_escalated, message_sent…), fields.',
  });

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/timeline',
  summary: "A customer's events, tasks, messages and program actions merged, newest first",
  security: ANY_AUTH,
  request: {
    params: CustomerIdParam,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      before: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only entries before this instant (the next page)' }),
    }),
  },
  responses: {
    200: { description: 'The timeline', content: { 'application/json': { schema: z.object({ items: z.array(EntrySchema) }) } } },
    403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

function serialise(e: TimelineEntry, zone: string): z.infer<typeof EntrySchema> {
  const at = (d: Date | null) => (d === null ? null : isoInZone(d, zone));
  switch (e.source) {
    case 'task':
      return { ...e, at: at(e.at)!, due: at(e.due), closedAt: at(e.closedAt) };
    case 'message':
      return { ...e, at: at(e.at)!, sentAt: at(e.sentAt) };
    default:
      return { ...e, at: at(e.at)! };
  }
}

export function getCustomerTimeline(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, before } = c.req.valid('query');
    await requireCustomer(c, deps.db, id);
    const customer = await getCustomer(deps.db, id);
    if (!customer) throw new ApiError('not_found', `no customer "${id}"`);
    const items = await readTimeline(deps.db, id, limit, before ? new Date(before) : undefined);
    return c.json({ items: items.map((e) => serialise(e, customer.timeZone)) }, 200);
  });
}

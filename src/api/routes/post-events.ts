import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { requireRole } from '../../auth/principal.js';
import { groupCommitEvents } from '../../engine/commit-events.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody, PostEventsBody, PostEventsResult } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/events',
  summary: 'Send a batch of events',
  description:
    'Idempotent: an event id already stored with the same content is reported unchanged. Each event is validated on its own; ' +
    'good events are stored even when others are rejected. The customers concerned are re-evaluated before the response; ' +
    'requests that arrive together are written and re-evaluated as one group.',
  security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: PostEventsBody } }, required: true } },
  responses: {
    200: { description: 'Per-event results', content: { 'application/json': { schema: PostEventsResult } } },
    400: { description: 'Malformed body', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: 'Staff other than admins may not send raw events', content: { 'application/json': { schema: ErrorBody } } },
    401: { description: 'No valid API token', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function postEvents(app: OpenAPIHono, deps: ApiDeps): void {
  // A warning's task is opened by the worker: the commit wakes it rather than wait for its next sweep.
  const commit = groupCommitEvents(deps);
  app.openapi(route, async (c) => {
    requireRole(c, ['admin'], { tokens: true }); // integrations send events; staff record outcomes through tasks
    const { events } = c.req.valid('json');
    const { results, reevaluated } = await commit(events, deps.clock());
    const count = (s: string) => results.filter((r) => r.status === s).length;
    return c.json(
      {
        imported: count('imported'),
        unchanged: count('unchanged'),
        rejected: count('rejected'),
        results,
        reevaluated,
      },
      200,
    );
  });
}

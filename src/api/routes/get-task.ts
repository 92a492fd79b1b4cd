import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadTaskBriefing } from '../../engine/task-briefing.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody, WarningSchema } from '../schemas.js';
import { requireTask } from '../tasks/require-task.js';
import { TaskIdParam, TaskItemSchema, toTaskItem } from '../tasks/task-schemas.js';
import { ANY_AUTH, lang } from '../web-schemas.js';
import { serialiseWarning } from './get-customer.js';

const missing = z.array(z.string()).openapi({ description: 'Fields shown as a "to fill" placeholder because the data has no value' });

const ScriptsSchema = z
  .object({
    occasion: z.string(),
    reason: z.string().openapi({ description: 'The churn reason the script follows (unknown until recorded)' }),
    audiences: z.array(z.string()),
    stages: z.array(z.object({
      stage: z.string(), id: z.string(), title: z.string(), text: z.string(), tip: z.string().nullable(), missing,
      match: z.string(), borrowed: z.boolean(),
    })),
    otherReasons: z.array(z.object({ reason: z.string(), id: z.string(), title: z.string(), text: z.string(), missing })),
    templates: z.array(z.object({
      id: z.string(), channel: z.string(), purpose: z.string(), subject: z.string().nullable(), body: z.string(), missing,
    })),
    fields: z.record(z.string(), z.string().nullable()).openapi({ description: 'Each personalised field; null when unknown' }),
  })
  .openapi('TaskScripts');

const route = createRoute({
  method: 'get',
  path: '/api/v1/tasks/{id}',
  summary: 'One task with its customer, the warning behind it, and the script filled in for that customer',
  security: ANY_AUTH,
  request: { params: TaskIdParam, query: z.object({ lang }) },
  responses: {
    200: {
      description: 'The task',
      content: {
        'application/json': {
          schema: z.object({
            task: TaskItemSchema,
            customer: z.object({
              id: z.string(), name: z.string(), phoneMasked: z.string().nullable(), storeId: z.string(), storeName: z.string(),
              advisorId: z.string().nullable(), advisorName: z.string().nullable(), level: z.string().nullable(),
              valueTier: z.string().nullable(), lifecycle: z.string().nullable(), daysSinceVisit: z.number().nullable(),
              evaluatedAsOf: z.string().nullable(),
            }),
            warning: WarningSchema.nullable(),
            scripts: ScriptsSchema,
          }),
        },
      },
    },
    403: { description: "Someone else's task", content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such task', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getTask(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const row = await requireTask(c, deps.db, id);
    const now = deps.clock();
    const briefing = await loadTaskBriefing(deps.db, row, now, c.req.valid('query').lang);
    return c.json(
      { task: toTaskItem(row, now), customer: briefing.customer, warning: briefing.warning && serialiseWarning(briefing.warning), scripts: briefing.scripts },
      200,
    );
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadTaskBriefing } from '../../engine/task-briefing.js';
import type { ApiDeps } from '../deps.js';
import { loadNotesView } from '../notes/load-notes-view.js';
import { NotesViewSchema } from '../notes/note-schemas.js';
import { ErrorBody, WarningSchema } from '../schemas.js';
import { requireTask } from '../tasks/require-task.js';
import { ScriptsSchema } from '../tasks/scripts-schema.js';
import { TaskIdParam, TaskItemSchema, toTaskItem } from '../tasks/task-schemas.js';
import { ANY_AUTH, lang } from '../web-schemas.js';
import { serialiseWarning } from './get-customer.js';

const TaskDetailSchema = z
  .object({
    task: TaskItemSchema,
    customer: z.object({
      id: z.string(), name: z.string(), phoneMasked: z.string().nullable(), storeId: z.string(), storeName: z.string(),
      advisorId: z.string().nullable(), advisorName: z.string().nullable(), level: z.string().nullable(),
      valueTier: z.string().nullable(), lifecycle: z.string().nullable(), daysSinceVisit: z.number().nullable(),
      evaluatedAsOf: z.string().nullable(),
    }),
    warning: WarningSchema.nullable(),
    scripts: ScriptsSchema,
    // Beside the script: whoever may do the task reads the customer's notes, even a task reassigned
    // to them for a customer outside their own scope.
    notes: NotesViewSchema,
  })
  .openapi('TaskDetail');
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/tasks/{id}',
  summary: 'One task with its customer, the warning behind it, and the script filled in for that customer',
  security: ANY_AUTH,
  request: { params: TaskIdParam, query: z.object({ lang }) },
  responses: {
    200: { description: 'The task', content: { 'application/json': { schema: TaskDetailSchema } } },
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
      {
        task: toTaskItem(row, now), customer: briefing.customer, warning: briefing.warning && serialiseWarning(briefing.warning), scripts: briefing.scripts,
        notes: await loadNotesView(deps.db, row.customerId),
      },
      200,
    );
  });
}

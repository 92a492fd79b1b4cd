import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { principalOf } from '../../auth/principal.js';
import { listTasks, taskCategories, taskStatusFilters } from '../../store/read-tasks.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { TaskItemSchema, toTaskItem } from '../tasks/task-schemas.js';
import { ANY_AUTH, PageQuery } from '../web-schemas.js';

const TaskListQuery = z.object({
  assigneeId: z.string().min(1).optional().openapi({
    description: 'A staff id, `me`, `any` (everyone in scope) or `unassigned`. Default: `me` for a staff session, `any` for an API token',
  }),
  storeId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  status: z.enum(taskStatusFilters).default('open'),
  category: z.enum(taskCategories).optional().openapi({ description: 'Only warning, care or follow_up tasks' }),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true').openapi({ description: 'Only open tasks past their deadline' }),
}).extend(PageQuery.shape);

const TaskListSchema = z
  .object({ items: z.array(TaskItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('TaskList');
export type TaskList = z.infer<typeof TaskListSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/tasks',
  summary: 'Tasks in scope (mine by default): overdue first, then by deadline; one page at a time',
  security: ANY_AUTH,
  request: { query: TaskListQuery },
  responses: {
    200: {
      description: 'A page of tasks and the total',
      content: { 'application/json': { schema: TaskListSchema } },
    },
    400: { description: 'Bad filter', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getTasks(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const p = principalOf(c);
    const me = p.kind === 'staff' ? p.staff.id : null;
    // The inbox is "my tasks"; a manager asks for `any` (or a store, a colleague) to see the team's.
    const wanted = q.assigneeId ?? (me !== null && q.storeId === undefined && q.customerId === undefined ? 'me' : 'any');
    // `me` without a person (an API token) matches nobody rather than everybody.
    const assigneeId = wanted === 'any' ? null : wanted === 'me' ? (me ?? '') : wanted;
    const now = deps.clock();
    const { rows, total } = await listTasks(
      deps.db,
      { scope: p.scope, staffId: me, assigneeId, storeId: q.storeId, customerId: q.customerId, status: q.status, overdue: q.overdue, category: q.category, now },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return c.json({ items: rows.map((r) => toTaskItem(r, now)), total, page: q.page, pageSize: q.pageSize }, 200);
  });
}

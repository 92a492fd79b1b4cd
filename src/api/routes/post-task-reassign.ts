import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import { reassignTask } from '../../engine/programs/index.js';
import { getTaskRow } from '../../store/read-tasks.js';
import { getStaffMember } from '../../store/read-staff.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { requireTask } from '../tasks/require-task.js';
import { TaskIdParam, TaskItemSchema, toTaskItem } from '../tasks/task-schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/tasks/{id}/reassign',
  summary: "Give an open task to another staff member of the customer's store or region (managers)",
  security: ANY_AUTH,
  request: {
    params: TaskIdParam,
    body: { content: { 'application/json': { schema: z.strictObject({ staffId: z.string().trim().min(1) }).openapi('TaskReassign') } }, required: true },
  },
  responses: {
    200: { description: 'Reassigned', content: { 'application/json': { schema: z.object({ task: TaskItemSchema }) } } },
    400: { description: 'Unknown staff member, or one who may not take it', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: 'Not a manager, or a task outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such task', content: { 'application/json': { schema: ErrorBody } } },
    409: { description: 'The task is no longer open', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const badStaff = (message: string) => new ApiError('invalid_request', message, [{ field: 'staffId', reason: message }]);

export function postTaskReassign(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    const { staffId } = c.req.valid('json');
    await requireTask(c, deps.db, id);
    const target = await getStaffMember(deps.db, staffId);
    if (!target) throw badStaff(`no staff member "${staffId}"`);
    // A manager hands work only to people they can see: their store, or their region.
    if (p.scope.storeIds !== null && !p.scope.storeIds.includes(target.storeId)) throw badStaff(`staff member "${staffId}" is outside your scope`);
    let done: boolean;
    try {
      done = await reassignTask(deps.db, id, staffId);
    } catch (err) {
      if (err instanceof Error && /does not work in/.test(err.message)) throw badStaff(err.message);
      throw err;
    }
    if (!done) throw new ApiError('conflict', `task "${id}" is no longer open`);
    return c.json({ task: toTaskItem((await getTaskRow(deps.db, id))!, deps.clock()) }, 200);
  });
}

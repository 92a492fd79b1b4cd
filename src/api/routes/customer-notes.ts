import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireCustomer } from '../../auth/require-customer.js';
import type { Db } from '../../store/db.js';
import { recordNotes } from '../../store/record-notes.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { loadNotesView } from '../notes/load-notes-view.js';
import { givenTopics, NotesViewSchema, NoteTopicsInput } from '../notes/note-schemas.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';
import { callerStaffId } from '../tasks/require-task.js';
import { ANY_AUTH } from '../web-schemas.js';

const errors = {
  403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
} as const;

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/notes',
  summary: "A customer's personal notes: the current note of each topic and every version, with who and when (phone numbers inside masked)",
  security: ANY_AUTH,
  request: { params: CustomerIdParam },
  responses: { 200: { description: 'The notes', content: { 'application/json': { schema: NotesViewSchema } } }, ...errors },
});

export const PostNotesBody = z
  .strictObject({
    notes: NoteTopicsInput,
    taskId: z.string().min(1).optional().openapi({ description: "The task the notes were taken on (one of this customer's)" }),
    staffId: z.string().min(1).optional().openapi({ description: 'Who wrote them, for API tokens; a staff session records its own id' }),
  })
  .openapi('PostNotes');

const postRoute = createRoute({
  method: 'post',
  path: '/api/v1/customers/{id}/notes',
  summary: 'Save one or several topics of personal notes: each topic given becomes a new version (an empty text clears it)',
  security: ANY_AUTH,
  request: { params: CustomerIdParam, body: { content: { 'application/json': { schema: PostNotesBody } }, required: true } },
  responses: {
    200: { description: 'Saved; the notes as they are now', content: { 'application/json': { schema: NotesViewSchema } } },
    400: { description: 'Invalid body (each bad field named: notes.drink, notes.colour…)', content: { 'application/json': { schema: ErrorBody } } },
    ...errors,
    422: { description: "taskId is not one of this customer's tasks, or staffId names nobody", content: { 'application/json': { schema: ErrorBody } } },
  },
});

/** A body that parses but names a task of someone else or a staff member who does not exist. */
async function checkReferences(db: Db, customerId: string, body: { taskId?: string | undefined; staffId?: string | undefined }): Promise<void> {
  if (body.taskId !== undefined) {
    const [task] = await db.query<{ customer_id: string }>('SELECT customer_id FROM tasks WHERE id = $1', [body.taskId]);
    if (task?.customer_id !== customerId) {
      throw new ApiError('unprocessable', `task "${body.taskId}" is not a task of customer "${customerId}"`, [{ field: 'taskId', reason: 'not a task of this customer' }]);
    }
  }
  if (body.staffId !== undefined) {
    const [staff] = await db.query('SELECT 1 FROM staff WHERE id = $1', [body.staffId]);
    if (!staff) throw new ApiError('unprocessable', `no staff member "${body.staffId}"`, [{ field: 'staffId', reason: 'unknown staff member' }]);
  }
}

export function customerNotes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    await requireCustomer(c, deps.db, id);
    return c.json(await loadNotesView(deps.db, id), 200);
  });

  app.openapi(postRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await requireCustomer(c, deps.db, id);
    const me = callerStaffId(c);
    // A session writes as itself; only a token (an integration) says who wrote the notes.
    await checkReferences(deps.db, id, { taskId: body.taskId, staffId: me === null ? body.staffId : undefined });
    await recordNotes(deps.db, { customerId: id, notes: givenTopics(body.notes), staffId: me ?? body.staffId ?? null, taskId: body.taskId ?? null, at: deps.clock() });
    return c.json(await loadNotesView(deps.db, id), 200);
  });
}

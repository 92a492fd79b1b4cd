import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { churnReasonValues, taskResults } from '../../engine/programs/index.js';
import { recordOutcomeIn } from '../../engine/programs/record-outcome.js';
import { refusalNeedsReason } from '../../engine/outcome-rules.js';
import { reevaluateCustomers } from '../../engine/reevaluate-customers.js';
import { recordNotes } from '../../store/record-notes.js';
import { getTaskRow } from '../../store/read-tasks.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { givenTopics, NoteTopicsInput } from '../notes/note-schemas.js';
import { ErrorBody } from '../schemas.js';
import { callerStaffId, requireTask } from '../tasks/require-task.js';
import { TaskIdParam, TaskItemSchema, toTaskItem } from '../tasks/task-schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const text = z.string().trim().min(1).max(2000);

export const OutcomeBody = z
  .strictObject({
    result: z.enum(taskResults).openapi({ description: 'no_answer counts an attempt and leaves the task open; the others close it' }),
    reason: text.optional().openapi({ description: 'Why the customer refused (required with refused), or anything worth keeping' }),
    churnReason: z.enum(churnReasonValues).optional().openapi({ description: 'Kept on the customer: recall scripts and offers follow it' }),
    detail: text.optional(),
    notes: NoteTopicsInput.optional().openapi({ description: 'Personal notes taken on the call (drink, family, job, open_question, other), saved with the outcome, on this task' }),
    staffId: z.string().min(1).optional().openapi({ description: 'Who did it, for API tokens; a staff session records its own id' }),
  })
  .superRefine(refusalNeedsReason)
  .openapi('TaskOutcome');

const route = createRoute({
  method: 'post',
  path: '/api/v1/tasks/{id}/outcome',
  summary: 'Record what came of a task in one call: reached, no answer, booked, refused (with the reason), wrong number',
  security: ANY_AUTH,
  request: { params: TaskIdParam, body: { content: { 'application/json': { schema: OutcomeBody } }, required: true } },
  responses: {
    200: {
      description: 'Recorded: the task closed, or the attempt counted',
      content: {
        'application/json': {
          schema: z.object({ status: z.enum(['closed', 'attempt']), attempts: z.number().int(), task: TaskItemSchema }),
        },
      },
    },
    400: { description: 'Invalid body (each bad field named)', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: "Someone else's task", content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such task', content: { 'application/json': { schema: ErrorBody } } },
    409: { description: 'The task is already closed or escalated', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function postTaskOutcome(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { staffId, notes, ...outcome } = c.req.valid('json');
    const task = await requireTask(c, deps.db, id);
    const now = deps.clock();
    const by = callerStaffId(c) ?? staffId ?? null;
    // One transaction: the notes of a call are kept only if its outcome is (a closed task keeps neither).
    const result = await deps.db.transaction(async (tx) => {
      const r = await recordOutcomeIn(tx, id, outcome, now, by);
      if (notes && (r.status === 'closed' || r.status === 'attempt')) {
        await recordNotes(tx, { customerId: task.customerId, notes: givenTopics(notes), staffId: by, taskId: id, at: now });
      }
      return r;
    });
    if (result.status === 'not_found') throw new ApiError('not_found', `no task "${id}"`);
    if (result.status === 'not_open') throw new ApiError('conflict', `task "${id}" is no longer open: its outcome was already recorded or it was escalated`);
    // The call or WeChat is in the event log now: the customer's care status, stops and level follow
    // at once (a care task done must not leave the customer overdue on the boards until tonight).
    await reevaluateCustomers(deps.db, [task.customerId], await deps.policy(), now);
    await deps.nudgeWorker?.();
    const row = (await getTaskRow(deps.db, id))!;
    return c.json({ status: result.status, attempts: row.attempts, task: toTaskItem(row, now) }, 200);
  });
}

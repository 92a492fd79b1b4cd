import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import { requireCustomer } from '../../auth/require-customer.js';
import { getActivePrograms } from '../../engine/programs/index.js';
import { previewProgram, type PreviewStep } from '../../engine/preview-program.js';
import { parsePrograms } from '../../programs/parse-programs.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { invalidDocument } from '../tasks/versioned-documents.js';
import { ANY_AUTH } from '../web-schemas.js';

const StepSchema = z
  .object({
    step: z.string(),
    kind: z.enum(['task', 'message']),
    /** Null for a step waiting for an event: it starts `start.offset` after that event. */
    due: z.string().nullable(),
    deadline: z.string().nullable(),
    start: z.object({ after: z.string(), offset: z.object({ days: z.number(), minutes: z.number() }), atLocalTime: z.string().nullable() }).nullable(),
    role: z.string(),
    assignee: z.object({
      kind: z.enum(['automated', 'assigned', 'unassigned']),
      staffId: z.string().optional(),
      staffName: z.string().optional(),
      reason: z.string().optional(),
    }),
    taskType: z.string().optional(),
    script: z.string().nullable().optional(),
    channel: z.string().optional(),
    purpose: z.string().optional(),
    template: z.string().nullable().optional(),
    escalation: z.array(z.record(z.string(), z.unknown())),
    level: z.string().nullable(),
  })
  .openapi('PreviewStep');

const PreviewSchema = z
  .object({
    programId: z.string(), version: z.string(), enabled: z.boolean(), customerId: z.string(),
    trigger: z.object({ at: z.string(), facts: z.record(z.string(), z.unknown()), reasons: z.array(z.string()) }),
    steps: z.array(StepSchema),
  })
  .openapi('ProgramPreview');
export type ProgramPreview = z.infer<typeof PreviewSchema>;

const route = createRoute({
  method: 'post',
  path: '/api/v1/programs/{id}/preview',
  summary: 'What a program would do for one customer if it were triggered now: which steps, when, to whom. Persists nothing',
  security: ANY_AUTH,
  request: {
    params: z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            customerId: z.string().min(1),
            document: z.record(z.string(), z.unknown()).optional().openapi({ description: 'A draft program document; default: the one in force' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { description: 'The planned steps', content: { 'application/json': { schema: PreviewSchema } } },
    403: { description: 'Not a manager, or a customer outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such program or customer', content: { 'application/json': { schema: ErrorBody } } },
    422: { description: 'The draft is not a valid program document', content: { 'application/json': { schema: ErrorBody } } },
  },
});

function serialise({ step: s, assignee }: PreviewStep): z.infer<typeof StepSchema> {
  const common = {
    step: s.step, kind: s.kind, due: s.due, deadline: s.deadline, role: s.role, assignee,
    start: 'start' in s ? { after: s.start.after, offset: s.start.offset, atLocalTime: s.start.atLocalTime } : null,
    escalation: s.escalation as Record<string, unknown>[], level: s.level,
  };
  return s.kind === 'task'
    ? { ...common, taskType: s.taskType, script: s.script }
    : { ...common, channel: s.channel, purpose: s.purpose, template: s.template };
}

export function postProgramPreview(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await requireCustomer(c, deps.db, body.customerId);
    let doc = await getActivePrograms(deps.db);
    if (body.document !== undefined) {
      const parsed = parsePrograms(body.document);
      if (!parsed.ok) throw invalidDocument('programs', parsed.errors);
      doc = parsed.document;
    }
    const preview = await previewProgram(deps.db, doc, id, body.customerId, deps.clock());
    if (!preview) throw new ApiError('not_found', `no program "${id}" in programs ${doc.version}`);
    const o = preview.occurrence;
    return c.json({
      programId: preview.programId, version: preview.version, enabled: preview.enabled, customerId: preview.customerId,
      trigger: { at: o.at, facts: o.facts ?? {}, reasons: o.reasons ?? [] },
      steps: preview.steps.map(serialise),
    }, 200);
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole, staffOf } from '../../auth/principal.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import type { Policy } from '../../domain/policy/policy-schema.js';
import { activatePolicy } from '../../engine/active-policy.js';
import { listPolicyVersions } from '../../store/read-policies.js';
import type { ApiDeps } from '../deps.js';
import { ANY_AUTH } from '../web-schemas.js';
import { ApiError } from '../errors.js';
import { previewPolicy } from '../preview-policy.js';
import { ErrorBody } from '../schemas.js';

const PolicyBody = z.object({ policy: z.record(z.string(), z.unknown()).openapi({ description: 'A whole policy document (scoring.md)' }) }).openapi('PolicyBody');
const levelCounts = z.object({ green: z.number().int(), yellow: z.number().int(), orange: z.number().int(), red: z.number().int() });

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/settings/policy',
  summary: 'The scoring policy in force and every stored version (who saved it, when)',
  security: ANY_AUTH,
  responses: {
    200: {
      description: 'The policy',
      content: {
        'application/json': {
          schema: z.object({
            version: z.string(),
            activatedAt: z.string().nullable(),
            document: z.record(z.string(), z.unknown()),
            versions: z.array(z.object({ version: z.string(), createdAt: z.string(), createdBy: z.string().nullable(), active: z.boolean() })),
          }),
        },
      },
    },
    403: { description: 'Advisors do not see settings', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/api/v1/settings/policy/preview',
  summary: 'How many customers in scope a draft policy moves between levels, before it is saved',
  security: ANY_AUTH,
  request: { body: { content: { 'application/json': { schema: PolicyBody } }, required: true } },
  responses: {
    200: {
      description: 'Customers by level under the policy in force (rows) and the draft (columns)',
      content: {
        'application/json': {
          schema: z
            .object({
              currentVersion: z.string(),
              draftVersion: z.string(),
              customers: z.number().int(),
              matrix: z.object({ green: levelCounts, yellow: levelCounts, orange: levelCounts, red: levelCounts }),
              moved: z.number().int(),
              raised: z.number().int(),
              lowered: z.number().int(),
              examples: z.array(z.object({ customerId: z.string(), name: z.string(), from: z.string(), to: z.string() })),
            })
            .openapi('PolicyPreview'),
        },
      },
    },
    400: { description: 'The draft is not a valid policy (each bad field named)', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/settings/policy',
  summary: 'Save a policy as a new version and put it in force (admins); used from the next evaluation on',
  security: ANY_AUTH,
  request: { body: { content: { 'application/json': { schema: PolicyBody } }, required: true } },
  responses: {
    200: { description: 'In force', content: { 'application/json': { schema: z.object({ version: z.string() }) } } },
    400: { description: 'Invalid, or the version exists with other content', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: 'Not an admin', content: { 'application/json': { schema: ErrorBody } } },
  },
});

function parseOrThrow(document: unknown): Policy {
  const parsed = parsePolicy(document);
  if (!parsed.ok) {
    throw new ApiError('invalid_request', 'the policy is not valid', parsed.errors.map((e) => ({ field: `policy.${e.path}`, reason: e.message })));
  }
  return parsed.policy;
}

export function settingsPolicy(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(getRoute, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const policy = await deps.policy();
    const { versions, activatedAt } = await listPolicyVersions(deps.db);
    return c.json(
      {
        version: policy.version,
        activatedAt: activatedAt?.toISOString() ?? null,
        document: policy as unknown as Record<string, unknown>,
        versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
      },
      200,
    );
  });

  app.openapi(previewRoute, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    const draft = parseOrThrow(c.req.valid('json').policy);
    const current = await deps.policy();
    const preview = await previewPolicy(deps.db, p.scope, current, draft, deps.clock());
    return c.json({ currentVersion: current.version, draftVersion: draft.version, ...preview }, 200);
  });

  app.openapi(putRoute, async (c) => {
    requireRole(c, ['admin']);
    const draft = parseOrThrow(c.req.valid('json').policy);
    try {
      await activatePolicy(deps.db, draft, deps.clock(), staffOf(c).staff.id);
    } catch (err) {
      if (err instanceof Error && /already exists/.test(err.message)) {
        throw new ApiError('invalid_request', err.message, [{ field: 'policy.version', reason: 'already used by other content' }]);
      }
      throw err;
    }
    return c.json({ version: draft.version }, 200);
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import { activateContactPolicy, getActiveContactPolicy } from '../../engine/programs/active-contact-policy.js';
import { parseContactPolicy } from '../../outbox/contact-policy.js';
import { listDocumentVersions } from '../../store/read-document-versions.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import {
  DocumentBody, EDITOR_ROLES, VersionedDocumentSchema, activateOrConflict, invalidDocument, savedBy, versionedDocument,
} from '../tasks/versioned-documents.js';
import { ANY_AUTH } from '../web-schemas.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/settings/contact',
  summary: 'The contact policy in force (programs.md §10: quiet hours, frequency cap, opt-out words, retries) and every stored version (managers)',
  security: ANY_AUTH,
  responses: {
    200: { description: 'The contact policy', content: json(VersionedDocumentSchema.openapi('ContactPolicies')) },
    403: { description: 'Advisors do not see settings', content: json(ErrorBody) },
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/settings/contact',
  summary: 'Save a contact policy as a new version and put it in force (admins and managers); the outbox applies it from its next pass',
  security: ANY_AUTH,
  request: { body: { content: json(DocumentBody.openapi('ContactPolicyBody')), required: true } },
  responses: {
    200: { description: 'In force', content: json(z.object({ version: z.string() })) },
    403: { description: 'Not allowed to change the contact policy', content: json(ErrorBody) },
    409: { description: 'The version exists with other content', content: json(ErrorBody) },
    422: { description: 'Not a valid contact policy: each bad field by path (document.quietHours.start)', content: json(ErrorBody) },
  },
});

export function settingsContact(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(getRoute, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const policy = await getActiveContactPolicy(deps.db);
    return c.json(versionedDocument(policy, await listDocumentVersions(deps.db, 'contact')), 200);
  });

  app.openapi(putRoute, async (c) => {
    const p = requireRole(c, EDITOR_ROLES, { tokens: true });
    const parsed = parseContactPolicy(c.req.valid('json').document);
    if (!parsed.ok) throw invalidDocument('contact rules', parsed.errors);
    await activateOrConflict(() => activateContactPolicy(deps.db, parsed.policy, deps.clock(), savedBy(p)));
    return c.json({ version: parsed.policy.version }, 200);
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import { activatePrograms, getActivePrograms } from '../../engine/programs/index.js';
import { VersionConflictError } from '../../store/versioned-documents.js';
import { parsePrograms } from '../../programs/parse-programs.js';
import { listDocumentVersions } from '../../store/read-document-versions.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { DocumentBody, EDITOR_ROLES, VersionedDocumentSchema, invalidDocument, versionConflict, versionedDocument } from '../tasks/versioned-documents.js';
import { ANY_AUTH } from '../web-schemas.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/programs',
  summary: 'The program document in force (programs.md) and every stored version (managers)',
  security: ANY_AUTH,
  responses: {
    200: { description: 'The programs', content: json(VersionedDocumentSchema.openapi('ProgramDocuments')) },
    403: { description: 'Advisors do not see settings', content: json(ErrorBody) },
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/programs',
  summary: 'Save a program document as a new version and put it in force (admins and managers); runs already started keep theirs',
  security: ANY_AUTH,
  request: { body: { content: json(DocumentBody.openapi('ProgramDocumentBody')), required: true } },
  responses: {
    200: { description: 'In force', content: json(z.object({ version: z.string() })) },
    403: { description: 'Not allowed to change programs', content: json(ErrorBody) },
    409: { description: 'The version exists with other content', content: json(ErrorBody) },
    422: { description: 'Not a valid program document: each bad field by path (document.programs.2.steps.1.offset)', content: json(ErrorBody) },
  },
});

export function settingsPrograms(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(getRoute, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const doc = await getActivePrograms(deps.db);
    return c.json(versionedDocument(doc, await listDocumentVersions(deps.db, 'programs')), 200);
  });

  app.openapi(putRoute, async (c) => {
    const p = requireRole(c, EDITOR_ROLES, { tokens: true });
    const parsed = parsePrograms(c.req.valid('json').document);
    if (!parsed.ok) throw invalidDocument('programs', parsed.errors);
    try {
      await activatePrograms(deps.db, parsed.document, deps.clock(), p.kind === 'staff' ? p.staff.id : 'api-token');
    } catch (err) {
      if (err instanceof VersionConflictError) throw versionConflict(err.message);
      throw err;
    }
    return c.json({ version: parsed.document.version }, 200);
  });
}

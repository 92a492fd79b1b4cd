import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import { VersionConflictError, activateLibrary, getActiveLibrary } from '../../engine/active-library.js';
import { parseLibrary } from '../../scripts/parse-library.js';
import { listDocumentVersions } from '../../store/read-document-versions.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { DocumentBody, EDITOR_ROLES, VersionedDocumentSchema, invalidDocument, versionConflict, versionedDocument } from '../tasks/versioned-documents.js';
import { ANY_AUTH } from '../web-schemas.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/scripts',
  summary: 'The script library (话术库) and message templates in force, and every stored version (managers)',
  security: ANY_AUTH,
  responses: {
    200: { description: 'The library: { version, scripts, templates }', content: json(VersionedDocumentSchema.openapi('ScriptLibraries')) },
    403: { description: 'Advisors do not see settings', content: json(ErrorBody) },
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/scripts',
  summary: 'Save a script library (scripts and templates) as a new version and put it in force (admins and managers)',
  security: ANY_AUTH,
  request: { body: { content: json(DocumentBody.openapi('ScriptLibraryBody')), required: true } },
  responses: {
    200: { description: 'In force', content: json(z.object({ version: z.string() })) },
    403: { description: 'Not allowed to change scripts', content: json(ErrorBody) },
    409: { description: 'The version exists with other content', content: json(ErrorBody) },
    422: { description: 'Not a valid library: each bad field by path (document.scripts.3.text.zh-CN)', content: json(ErrorBody) },
  },
});

export function settingsScripts(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(getRoute, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const library = await getActiveLibrary(deps.db);
    return c.json(versionedDocument(library, await listDocumentVersions(deps.db, 'scripts')), 200);
  });

  app.openapi(putRoute, async (c) => {
    const p = requireRole(c, EDITOR_ROLES, { tokens: true });
    const parsed = parseLibrary(c.req.valid('json').document);
    if (!parsed.ok) throw invalidDocument('scripts', parsed.errors);
    try {
      await activateLibrary(deps.db, parsed.library, deps.clock(), p.kind === 'staff' ? p.staff.id : 'api-token');
    } catch (err) {
      if (err instanceof VersionConflictError) throw versionConflict(err.message);
      throw err;
    }
    return c.json({ version: parsed.library.version }, 200);
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole } from '../../auth/principal.js';
import type { Db } from '../../store/db.js';
import { listDocumentVersions, type VersionedDocument } from '../../store/read-document-versions.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import {
  DocumentBody, EDITOR_ROLES, VersionedDocumentSchema, activateOrConflict, invalidDocument, savedBy, versionedDocument,
} from '../tasks/versioned-documents.js';
import { ANY_AUTH } from '../web-schemas.js';

/** What sets one versioned settings document apart from the others: its path, words and functions. */
export interface DocumentSettings<T extends { version: string }> {
  kind: VersionedDocument;
  path: string;
  /** OpenAPI component names of the answer and of the body. */
  schemaNames: { document: string; body: string };
  summaries: { get: string; put: string };
  descriptions: { document: string; forbidden: string; invalid: string };
  /** Named in the 422 message: "the {what} are not valid". */
  what: string;
  getActive(db: Db): Promise<T>;
  parse(input: unknown): { ok: true; document: T } | { ok: false; errors: { path: string; message: string }[] };
  activate(db: Db, document: T, now: Date, by: string): Promise<void>;
}

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

/**
 * GET and PUT of a versioned settings document (programs, the script library, the contact
 * policy): managers read the one in force with every stored version; editors save a new
 * version, which is put in force at once.
 */
export function documentSettingsRoutes<T extends { version: string }>(s: DocumentSettings<T>): (app: OpenAPIHono, deps: ApiDeps) => void {
  const getRoute = createRoute({
    method: 'get',
    path: s.path,
    summary: s.summaries.get,
    security: ANY_AUTH,
    responses: {
      200: { description: s.descriptions.document, content: json(VersionedDocumentSchema.openapi(s.schemaNames.document)) },
      403: { description: 'Advisors do not see settings', content: json(ErrorBody) },
    },
  });
  const putRoute = createRoute({
    method: 'put',
    path: s.path,
    summary: s.summaries.put,
    security: ANY_AUTH,
    request: { body: { content: json(DocumentBody.openapi(s.schemaNames.body)), required: true } },
    responses: {
      200: { description: 'In force', content: json(z.object({ version: z.string() })) },
      403: { description: s.descriptions.forbidden, content: json(ErrorBody) },
      409: { description: 'The version exists with other content', content: json(ErrorBody) },
      422: { description: s.descriptions.invalid, content: json(ErrorBody) },
    },
  });
  return (app, deps) => {
    app.openapi(getRoute, async (c) => {
      requireRole(c, MANAGER_ROLES, { tokens: true });
      const document = await s.getActive(deps.db);
      return c.json(versionedDocument(document, await listDocumentVersions(deps.db, s.kind)), 200);
    });
    app.openapi(putRoute, async (c) => {
      const p = requireRole(c, EDITOR_ROLES, { tokens: true });
      const parsed = s.parse(c.req.valid('json').document);
      if (!parsed.ok) throw invalidDocument(s.what, parsed.errors);
      await activateOrConflict(() => s.activate(deps.db, parsed.document, deps.clock(), savedBy(p)));
      return c.json({ version: parsed.document.version }, 200);
    });
  };
}

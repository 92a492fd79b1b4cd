import { z } from '@hono/zod-openapi';
import type { Principal } from '../../auth/principal.js';
import type { StaffRole } from '../../domain/records.js';
import type { DocumentVersion } from '../../store/read-document-versions.js';
import { VersionConflictError } from '../../store/versioned-documents.js';
import { ApiError } from '../errors.js';

/** Shared by the settings routes of versioned documents (document-settings-routes.ts) and the program preview. */

/** Who may change organisation-wide configuration (besides API tokens): admins and managers, not advisors or specialists. */
export const EDITOR_ROLES: readonly StaffRole[] = ['admin', 'general_manager', 'store_manager', 'service_manager'];

export const DocumentBody = z.object({ document: z.record(z.string(), z.unknown()).openapi({ description: 'The whole document' }) });

export const VersionedDocumentSchema = z.object({
  version: z.string(),
  activatedAt: z.string().nullable().openapi({ description: 'When it was put in force; null for the shipped default' }),
  document: z.record(z.string(), z.unknown()),
  versions: z.array(z.object({ version: z.string(), createdAt: z.string(), createdBy: z.string().nullable(), active: z.boolean() })),
});
export type VersionedDocument = z.infer<typeof VersionedDocumentSchema>;

export function versionedDocument(document: { version: string }, stored: { versions: DocumentVersion[]; activatedAt: Date | null }) {
  return {
    version: document.version,
    activatedAt: stored.activatedAt?.toISOString() ?? null,
    document: document as unknown as Record<string, unknown>,
    versions: stored.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

/** A document that parses as JSON but breaks the schema: 422, each bad field by its path in the body. */
export function invalidDocument(what: string, errors: { path: string; message: string }[]): ApiError {
  return new ApiError('unprocessable', `the ${what} are not valid`, errors.map((e) => ({ field: e.path ? `document.${e.path}` : 'document', reason: e.message })));
}

/** A version reused for other content: versions are immutable. */
export function versionConflict(message: string): ApiError {
  return new ApiError('conflict', message, [{ field: 'document.version', reason: 'already used by other content' }]);
}

/** Who a saved version is recorded as: the staff member, or the API token (tokens have no person). */
export function savedBy(p: Principal): string {
  return p.kind === 'staff' ? p.staff.id : 'api-token';
}

/** Puts a validated document in force; a reused version with other content becomes the 409 above. */
export async function activateOrConflict(activate: () => Promise<void>): Promise<void> {
  try {
    await activate();
  } catch (err) {
    if (err instanceof VersionConflictError) throw versionConflict(err.message);
    throw err;
  }
}

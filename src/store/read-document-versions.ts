import type { Db } from './db.js';

export interface DocumentVersion {
  version: string;
  createdAt: Date;
  createdBy: string | null;
  active: boolean;
}

/** The versioned configuration documents besides the policy, by their (fixed) tables. */
const TABLES = {
  programs: { documents: 'program_documents', active: 'active_programs' },
  scripts: { documents: 'script_libraries', active: 'active_script_library' },
  contact: { documents: 'contact_policies', active: 'active_contact_policy' },
} as const;

export type VersionedDocument = keyof typeof TABLES;

/** Every stored version of a document, newest first, with who saved it and which one is in force. */
export async function listDocumentVersions(db: Db, kind: VersionedDocument): Promise<{ versions: DocumentVersion[]; activatedAt: Date | null }> {
  const t = TABLES[kind];
  const rows = await db.query<{ version: string; created_at: Date; created_by: string | null; active: boolean; changed_at: Date | null }>(
    `SELECT d.version, d.created_at, d.created_by, (a.version IS NOT NULL) AS active, a.changed_at
       FROM ${t.documents} d LEFT JOIN ${t.active} a ON a.version = d.version
      ORDER BY d.created_at DESC, d.version`,
  );
  return {
    activatedAt: rows.find((r) => r.active)?.changed_at ?? null,
    versions: rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, active: r.active })),
  };
}

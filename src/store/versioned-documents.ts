import type { Db } from './db.js';
import { DEFAULT_ORGANISATION } from './write-stores.js';

/** A kind of versioned document: the table of its versions and the table naming the one in force (fixed names). */
export interface DocumentTables {
  versions: 'program_documents' | 'script_libraries' | 'contact_policies';
  active: 'active_programs' | 'active_script_library' | 'active_contact_policy';
}

/** Thrown when a version is reused for other content: versions are immutable. */
export class VersionConflictError extends Error {}

/** The document in force (as stored, for the caller to validate again), or null before any activation. */
export async function readActiveDocument(db: Db, t: DocumentTables): Promise<{ version: string; document: unknown } | null> {
  const [row] = await db.query<{ version: string; document: unknown }>(
    `SELECT d.version, d.document FROM ${t.active} a JOIN ${t.versions} d ON d.version = a.version WHERE a.organisation_id = $1`,
    [DEFAULT_ORGANISATION],
  );
  return row ?? null;
}

/**
 * Stores a validated document under its version and puts it in force. The same version with
 * other content is refused (VersionConflictError), so what was shown yesterday can be read back.
 */
export async function activateDocument(
  db: Db, t: DocumentTables, what: string, doc: { version: string }, now: Date, by?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO organisations (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING", [DEFAULT_ORGANISATION]);
    const document = JSON.stringify(doc);
    const [existing] = await tx.query<{ same: boolean }>(`SELECT document = $2::jsonb AS same FROM ${t.versions} WHERE version = $1`, [
      doc.version, document,
    ]);
    if (existing && !existing.same) {
      throw new VersionConflictError(`${what} version "${doc.version}" already exists with different content; give the change a new version`);
    }
    if (!existing) {
      await tx.query(`INSERT INTO ${t.versions} (version, document, created_at, created_by) VALUES ($1, $2::jsonb, $3, $4)`, [
        doc.version, document, now, by ?? null,
      ]);
    }
    await tx.query(
      `INSERT INTO ${t.active} (organisation_id, version, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
      [DEFAULT_ORGANISATION, doc.version, now],
    );
  });
}

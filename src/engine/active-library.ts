import { defaultLibrary } from '../scripts/default-library.js';
import type { ScriptLibrary } from '../scripts/library-schema.js';
import { parseLibrary } from '../scripts/parse-library.js';
import type { Db } from '../store/db.js';
import { DEFAULT_ORGANISATION } from '../store/write-stores.js';

/** The script library in force: the last one activated, or the shipped library. */
export async function getActiveLibrary(db: Db): Promise<ScriptLibrary> {
  const [row] = await db.query<{ version: string; document: unknown }>(
    'SELECT l.version, l.document FROM active_script_library a JOIN script_libraries l ON l.version = a.version WHERE a.organisation_id = $1',
    [DEFAULT_ORGANISATION],
  );
  if (!row) return defaultLibrary();
  // Checked again: a library saved by an older release may no longer fit the schema.
  const parsed = parseLibrary(row.document);
  if (!parsed.ok) {
    throw new Error(`the script library in force (${row.version}) is no longer valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return parsed.library;
}

/** Thrown when a version is reused for other content: versions are immutable. */
export class VersionConflictError extends Error {}

/**
 * Stores a validated library under its version and puts it in force. The same version with other
 * content is refused (VersionConflictError), so what a task showed yesterday can be read back.
 */
export async function activateLibrary(db: Db, library: ScriptLibrary, now: Date, by?: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO organisations (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING", [DEFAULT_ORGANISATION]);
    const document = JSON.stringify(library);
    const [existing] = await tx.query<{ same: boolean }>('SELECT document = $2::jsonb AS same FROM script_libraries WHERE version = $1', [
      library.version, document,
    ]);
    if (existing && !existing.same) {
      throw new VersionConflictError(`script library version "${library.version}" already exists with different content; give the change a new version`);
    }
    if (!existing) {
      await tx.query('INSERT INTO script_libraries (version, document, created_at, created_by) VALUES ($1, $2::jsonb, $3, $4)', [
        library.version, document, now, by ?? null,
      ]);
    }
    await tx.query(
      `INSERT INTO active_script_library (organisation_id, version, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
      [DEFAULT_ORGANISATION, library.version, now],
    );
  });
}

import { defaultLibrary } from '../scripts/default-library.js';
import type { ScriptLibrary } from '../scripts/library-schema.js';
import { parseLibrary } from '../scripts/parse-library.js';
import type { Db } from '../store/db.js';
import { activateDocument, noLongerValid, readActiveDocument, type DocumentTables } from '../store/versioned-documents.js';

export { VersionConflictError } from '../store/versioned-documents.js';

const TABLES: DocumentTables = { versions: 'script_libraries', active: 'active_script_library' };

/** The script library in force: the last one activated, or the shipped library. */
export async function getActiveLibrary(db: Db): Promise<ScriptLibrary> {
  const library = await readActiveDocument(db, TABLES, (document, version) => {
    const parsed = parseLibrary(document);
    if (!parsed.ok) throw noLongerValid(`the script library in force (${version}) is`, parsed.errors);
    return parsed.library;
  });
  return library ?? defaultLibrary();
}

/** Stores a validated library under its version and puts it in force (VersionConflictError for a reused version). */
export function activateLibrary(db: Db, library: ScriptLibrary, now: Date, by?: string | null): Promise<void> {
  return activateDocument(db, TABLES, 'script library', library, now, by);
}

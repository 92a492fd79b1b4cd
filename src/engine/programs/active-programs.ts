import { defaultPrograms } from '../../programs/default-programs.js';
import { parsePrograms } from '../../programs/parse-programs.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';
import { activateDocument, noLongerValid, readActiveDocument, type DocumentTables } from '../../store/versioned-documents.js';

const TABLES: DocumentTables = { versions: 'program_documents', active: 'active_programs' };

/** The program document in force: the last one activated, or the shipped presets. */
export async function getActivePrograms(db: Db): Promise<ProgramDocument> {
  const doc = await readActiveDocument(db, TABLES, (document, version) => {
    const parsed = parsePrograms(document);
    if (!parsed.ok) throw noLongerValid(`the programs in force (${version}) are`, parsed.errors);
    return parsed.document;
  });
  return doc ?? defaultPrograms();
}

/**
 * Stores a validated program document under its version and puts it in force. A version is
 * immutable: the same version with other content is refused (VersionConflictError). Runs
 * already started keep the version they were planned with.
 */
export function activatePrograms(db: Db, doc: ProgramDocument, now: Date, by?: string): Promise<void> {
  return activateDocument(db, TABLES, 'program', doc, now, by);
}

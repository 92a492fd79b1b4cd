import { defaultPrograms } from '../../programs/default-programs.js';
import { parsePrograms } from '../../programs/parse-programs.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';
import { DEFAULT_ORGANISATION } from '../../store/write-stores.js';

/** The program document in force: the last one activated, or the shipped presets. */
export async function getActivePrograms(db: Db): Promise<ProgramDocument> {
  const [row] = await db.query<{ version: string; document: unknown }>(
    'SELECT d.version, d.document FROM active_programs a JOIN program_documents d ON d.version = a.version WHERE a.organisation_id = $1',
    [DEFAULT_ORGANISATION],
  );
  if (!row) return defaultPrograms();
  // Checked again: a document saved by an older release may no longer fit the schema.
  const parsed = parsePrograms(row.document);
  if (!parsed.ok) {
    throw new Error(`the programs in force (${row.version}) are no longer valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return parsed.document;
}

/**
 * Stores a validated program document under its version and puts it in force. A version is
 * immutable: the same version with other content is refused. Runs already started keep the
 * version they were planned with.
 */
export async function activatePrograms(db: Db, doc: ProgramDocument, now: Date, by?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO organisations (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING", [DEFAULT_ORGANISATION]);
    const document = JSON.stringify(doc);
    const [existing] = await tx.query<{ same: boolean }>('SELECT document = $2::jsonb AS same FROM program_documents WHERE version = $1', [
      doc.version,
      document,
    ]);
    if (existing && !existing.same) throw new Error(`program version "${doc.version}" already exists with different content; give the change a new version`);
    if (!existing) {
      await tx.query('INSERT INTO program_documents (version, document, created_at, created_by) VALUES ($1, $2::jsonb, $3, $4)', [
        doc.version, document, now, by ?? null,
      ]);
    }
    await tx.query(
      `INSERT INTO active_programs (organisation_id, version, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
      [DEFAULT_ORGANISATION, doc.version, now],
    );
  });
}

import { deepFreeze } from '../domain/deep-freeze.js';
import type { Db } from './db.js';
import { DEFAULT_ORGANISATION } from './write-stores.js';

/** A kind of versioned document: the table of its versions and the table naming the one in force (fixed names). */
export interface DocumentTables {
  versions: 'policies' | 'program_documents' | 'script_libraries' | 'contact_policies';
  active: 'active_policy' | 'active_programs' | 'active_script_library' | 'active_contact_policy';
}

/** Thrown when a version is reused for other content: versions are immutable. */
export class VersionConflictError extends Error {}

const checkedDocuments = new Map<string, unknown>();
const REMEMBERED_DOCUMENTS = 32;

/**
 * The document in force, or null before any activation, as `check` returns it: stored
 * documents are checked again, as one saved by an older release may no longer fit (`check`
 * throws). The engine asks at every event and every evaluation page, and the check cost more
 * than the query, so what it returned is kept, frozen (every caller shares it), under the
 * server's digest of the stored content: a read is one short query, and other content (another
 * activation, another database) is checked afresh. Each kind of document has one check, so the
 * kind and the content make the key.
 */
export async function readActiveDocument<T>(db: Db, t: DocumentTables, check: (document: unknown, version: string) => T): Promise<T | null> {
  const [head] = await db.query<{ version: string; digest: string }>(
    `SELECT d.version, md5(d.document::text) AS digest FROM ${t.active} a JOIN ${t.versions} d ON d.version = a.version WHERE a.organisation_id = $1`,
    [DEFAULT_ORGANISATION],
  );
  if (!head) return null;
  const key = `${t.versions}\n${head.version}\n${head.digest}`;
  if (checkedDocuments.has(key)) return checkedDocuments.get(key) as T;
  // A version's content never changes, so this is the content digested above.
  const [row] = await db.query<{ document: unknown }>(`SELECT document FROM ${t.versions} WHERE version = $1`, [head.version]);
  const value = deepFreeze(check(row!.document, head.version));
  if (checkedDocuments.size >= REMEMBERED_DOCUMENTS) checkedDocuments.delete(checkedDocuments.keys().next().value!);
  checkedDocuments.set(key, value);
  return value;
}

/** The error of a check that refuses a stored document: `subject` ("the policy in force (v3) is") and each bad field. */
export function noLongerValid(subject: string, errors: readonly { path: string; message: string }[]): Error {
  return new Error(`${subject} no longer valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
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

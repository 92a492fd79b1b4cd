import { parseContactPolicy, type ContactPolicy } from '../../outbox/contact-policy.js';
import { defaultContactPolicy } from '../../outbox/default-contact-policy.js';
import type { Db } from '../../store/db.js';
import { activateDocument, noLongerValid, readActiveDocument, type DocumentTables } from '../../store/versioned-documents.js';

const TABLES: DocumentTables = { versions: 'contact_policies', active: 'active_contact_policy' };

/** The contact policy in force (programs.md §10): the last one activated, or the shipped one. */
export async function getActiveContactPolicy(db: Db): Promise<ContactPolicy> {
  const policy = await readActiveDocument(db, TABLES, (document, version) => {
    const parsed = parseContactPolicy(document);
    if (!parsed.ok) throw noLongerValid(`the contact policy in force (${version}) is`, parsed.errors);
    return parsed.policy;
  });
  return policy ?? defaultContactPolicy();
}

/**
 * Stores a validated contact policy under its version and puts it in force (VersionConflictError
 * for a reused version). Messages already held keep their release time; the next pass of the
 * outbox decides them under the new rules.
 */
export function activateContactPolicy(db: Db, policy: ContactPolicy, now: Date, by?: string | null): Promise<void> {
  return activateDocument(db, TABLES, 'contact policy', policy, now, by);
}

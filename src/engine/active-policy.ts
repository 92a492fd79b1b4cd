import { defaultPolicy } from '../domain/policy/default-policy.js';
import { parsePolicy } from '../domain/policy/parse-policy.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';
import { activateDocument, noLongerValid, readActiveDocument, type DocumentTables } from '../store/versioned-documents.js';

const TABLES: DocumentTables = { versions: 'policies', active: 'active_policy' };

/** The organisation's policy in force: the last one activated, or the shipped default. */
export async function getActivePolicy(db: Db): Promise<Policy> {
  const policy = await readActiveDocument(db, TABLES, (document, version) => {
    const parsed = parsePolicy(document);
    if (!parsed.ok) throw noLongerValid(`the policy in force (${version}) is`, parsed.errors);
    return parsed.policy;
  });
  return policy ?? defaultPolicy();
}

/**
 * Stores a validated policy under its version and makes it the one in force (VersionConflictError
 * for a version reused with other content).
 */
export function activatePolicy(db: Db, policy: Policy, now: Date, by?: string): Promise<void> {
  return activateDocument(db, TABLES, 'policy', policy, now, by);
}

import { defaultPolicy } from '../domain/policy/default-policy.js';
import { parsePolicy } from '../domain/policy/parse-policy.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';

const ORG = 'default';

/** The organisation's policy in force: the last one activated, or the shipped default. */
export async function getActivePolicy(db: Db): Promise<Policy> {
  const [row] = await db.query<{ version: string; document: unknown }>(
    'SELECT p.version, p.document FROM active_policy a JOIN policies p ON p.version = a.version WHERE a.organisation_id = $1',
    [ORG],
  );
  if (!row) return defaultPolicy();
  // Stored documents are checked again: a policy saved by an older release may no longer fit.
  const parsed = parsePolicy(row.document);
  if (!parsed.ok) {
    const detail = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`the policy in force (${row.version}) is no longer valid: ${detail}`);
  }
  return parsed.policy;
}

/** Stores a validated policy under its version and makes it the one in force. */
export async function activatePolicy(db: Db, policy: Policy, now: Date, by?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO organisations (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING", [ORG]);
    const document = JSON.stringify(policy);
    const existing = await tx.query<{ same: boolean }>(
      'SELECT document = $2::jsonb AS same FROM policies WHERE version = $1',
      [policy.version, document],
    );
    if (existing[0] && !existing[0].same) {
      throw new Error(`policy version "${policy.version}" already exists with different content; give the change a new version`);
    }
    if (!existing[0]) {
      await tx.query('INSERT INTO policies (version, document, created_at, created_by) VALUES ($1, $2::jsonb, $3, $4)', [
        policy.version,
        document,
        now,
        by ?? null,
      ]);
    }
    await tx.query(
      `INSERT INTO active_policy (organisation_id, version, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
      [ORG, policy.version, now],
    );
  });
}

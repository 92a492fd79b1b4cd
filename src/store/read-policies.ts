import type { Db } from './db.js';

export interface PolicyVersion {
  version: string;
  createdAt: Date;
  createdBy: string | null;
  active: boolean;
}

/** Every stored policy version, newest first, with who saved it and which one is in force. */
export async function listPolicyVersions(db: Db): Promise<{ versions: PolicyVersion[]; activatedAt: Date | null }> {
  const rows = await db.query<{ version: string; created_at: Date; created_by: string | null; active: boolean; changed_at: Date | null }>(
    `SELECT p.version, p.created_at, p.created_by, (a.version IS NOT NULL) AS active, a.changed_at
       FROM policies p LEFT JOIN active_policy a ON a.version = p.version
      ORDER BY p.created_at DESC, p.version`,
  );
  return {
    activatedAt: rows.find((r) => r.active)?.changed_at ?? null,
    versions: rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, active: r.active })),
  };
}

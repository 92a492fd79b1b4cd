import { TEST_COST, type ScryptCost } from '../auth/hash-password.js';
import { setPassword } from '../auth/set-password.js';
import type { StaffRole } from '../domain/records.js';
import type { Db } from '../store/db.js';

/** Every demo staff member signs in with this password (the demo only; real staff get their own). */
export const DEMO_PASSWORD = 'retain-demo';

export interface DemoLogin {
  role: StaffRole;
  username: string;
  name: string;
  storeId: string;
}

const ROLE_ORDER: StaffRole[] = ['advisor', 'service_manager', 'store_manager', 'retention_specialist', 'general_manager', 'admin'];

/**
 * Gives the demo password to every staff member who has none yet (so a database from before
 * sign-in existed gets logins too) and returns one login per role to print, first store first.
 */
export async function setDemoPasswords(db: Db, now: Date, options: { cost?: ScryptCost } = {}): Promise<DemoLogin[]> {
  const staff = await db.query<{ id: string; name: string; role: StaffRole; store_id: string; has_password: boolean }>(
    `SELECT s.id, s.name, s.role, s.store_id, (c.staff_id IS NOT NULL) AS has_password
       FROM staff s LEFT JOIN staff_credentials c ON c.staff_id = s.id ORDER BY s.store_id, s.id`,
  );
  const missing = staff.filter((s) => !s.has_password);
  // Two at a time: each hash takes 128 MiB and a core for ~0.4 s (src/auth/hash-password.ts).
  for (let i = 0; i < missing.length; i += 2) {
    await Promise.all(missing.slice(i, i + 2).map((s) => setPassword(db, s.id, DEMO_PASSWORD, now, { by: 'demo', ...(options.cost ? { cost: options.cost } : {}) })));
  }
  return ROLE_ORDER.flatMap((role) => {
    const first = staff.find((s) => s.role === role);
    return first ? [{ role, username: first.id, name: first.name, storeId: first.store_id }] : [];
  });
}

/** Cheap hashes for tests that load the demo (never for a served demo). */
export const DEMO_TEST_COST = TEST_COST;

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPath } from '../../ingest/import-path.js';
import type { Db } from '../../store/db.js';
import { TEST_COST } from '../hash-password.js';
import { setPassword } from '../set-password.js';

/**
 * Three stores in two regions, one staff member per role, and customers of two advisors, so a
 * test can tell every scope apart: east = sh-01 + hz-01, north = bj-01.
 */
export const FIXTURE_PASSWORD = 'secret-pass-1';

export const fixtureStaff = [
  { id: 'sa-li', storeId: 'sh-01', name: '李明', role: 'advisor' },
  { id: 'sa-zhao', storeId: 'sh-01', name: '赵磊', role: 'advisor' },
  { id: 'sa-bj', storeId: 'bj-01', name: '孙悦', role: 'advisor' },
  { id: 'sm-sh', storeId: 'sh-01', name: '王芳', role: 'service_manager' },
  { id: 'gm-east', storeId: 'sh-01', name: '陈刚', role: 'general_manager' },
  { id: 'admin', storeId: 'sh-01', name: '周敏', role: 'admin' },
] as const;

/** customer id → [store, advisor] */
export const fixtureCustomers: Record<string, [string, string]> = {
  'c-li-1': ['sh-01', 'sa-li'],
  'c-li-2': ['sh-01', 'sa-li'],
  'c-zhao-1': ['sh-01', 'sa-zhao'],
  'c-hz-1': ['hz-01', 'sa-li'],
  'c-bj-1': ['bj-01', 'sa-bj'],
};

export async function loadStaffFixture(db: Db, now: Date): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'retain-staff-'));
  const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(
    join(dir, 'stores.jsonl'),
    jsonl([
      { id: 'sh-01', name: '上海浦东服务中心', region: 'east' },
      { id: 'hz-01', name: '杭州滨江服务中心', region: 'east' },
      { id: 'bj-01', name: '北京朝阳服务中心', region: 'north' },
    ]),
  );
  writeFileSync(join(dir, 'staff.jsonl'), jsonl([...fixtureStaff]));
  writeFileSync(
    join(dir, 'customers.jsonl'),
    jsonl(
      Object.entries(fixtureCustomers).map(([id, [storeId, advisorId]], i) => ({
        id, storeId, advisorId, name: `客户${i + 1}`, phone: `1381234${String(1000 + i)}`, since: '2022-06-10',
        consent: { sms: true, phone: true },
      })),
    ),
  );
  writeFileSync(
    join(dir, 'events.jsonl'),
    jsonl(
      Object.keys(fixtureCustomers).map((id, i) => ({
        id: `v-${id}`, customerId: id, type: 'visit', at: `2024-0${1 + i}-10T10:00:00+08:00`, visitId: `visit-${id}`, kind: 'maintenance', amount: 500,
      })),
    ),
  );
  await importPath(db, dir, {});
  for (const s of fixtureStaff) await setPassword(db, s.id, FIXTURE_PASSWORD, now, { cost: TEST_COST });
}

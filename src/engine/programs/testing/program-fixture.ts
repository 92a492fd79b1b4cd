import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPath } from '../../../ingest/import-path.js';
import type { Db } from '../../../store/db.js';

export interface FixtureCustomer {
  id: string;
  since?: string;
  wechat?: string | null;
  email?: string | null;
  hasApp?: boolean;
  birthday?: string;
  /** Of the customer's one vehicle. */
  warrantyEnd?: string;
  consent?: Partial<Record<'sms' | 'phone' | 'wechat' | 'app' | 'email', boolean>>;
}

/** Staff of store sh-01: one of every role, so each rung of a ladder has a person. */
export const STAFF = [
  { id: 'sa-li', role: 'advisor', name: '李明' },
  { id: 'sm-wang', role: 'service_manager', name: '王芳' },
  { id: 'st-zhao', role: 'store_manager', name: '赵强' },
  { id: 'gm-chen', role: 'general_manager', name: '陈总' },
  { id: 'rs-he', role: 'retention_specialist', name: '何静' },
] as const;

/** Writes a one-store data folder (data-format.md JSONL) for the program tests and the replay. */
export function writeProgramFixture(customers: FixtureCustomer[], events: Record<string, unknown>[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'retain-programs-'));
  const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, 'stores.jsonl'), jsonl([{ id: 'sh-01', name: '上海浦东服务中心', region: 'east', timeZone: 'Asia/Shanghai' }]));
  writeFileSync(join(dir, 'staff.jsonl'), jsonl(STAFF.map((s) => ({ ...s, storeId: 'sh-01' }))));
  writeFileSync(join(dir, 'customers.jsonl'), jsonl(customers.map((c) => ({
    id: c.id, storeId: 'sh-01', name: `客户${c.id}`, phone: '13812341234', wechat: c.wechat ?? null, email: c.email ?? null, advisorId: 'sa-li',
    since: c.since ?? '2024-03-01', hasApp: c.hasApp ?? false, birthday: c.birthday ?? null,
    consent: { sms: true, phone: true, wechat: true, app: true, email: false, ...c.consent },
  }))));
  writeFileSync(join(dir, 'vehicles.jsonl'), jsonl(customers.map((c, i) => ({
    vin: `LRW3E7FA0NC${String(i).padStart(6, '0')}`, customerId: c.id, model: 'Model 3', deliveredAt: c.since ?? '2024-03-01',
    maintenanceIntervalMonths: 12, maintenanceIntervalKm: 20000, warrantyEnd: c.warrantyEnd ?? null,
  }))));
  writeFileSync(join(dir, 'events.jsonl'), jsonl(events));
  return dir;
}

let seq = 0;
const next = (p: string) => `${p}-${++seq}`;

/** Event builders: one line each, ids unique per test run. */
export const ev = {
  visit: (customerId: string, at: string, amount = 680) => ({ id: next('v'), customerId, type: 'visit', at, visitId: next('visit'), kind: 'maintenance', amount }),
  booked: (customerId: string, at: string) => ({ id: next('b'), customerId, type: 'appointment_booked', at }),
  reply: (customerId: string, at: string, text: string, channel = 'sms') => ({ id: next('r'), customerId, type: 'reply', at, channel, text }),
  call: (customerId: string, at: string, staffId: string, outcome: string, answered = true) =>
    ({ id: next('c'), customerId, type: 'call', at, direction: 'out', answered, staffId, outcome }),
  nps: (customerId: string, at: string, score: number) => ({ id: next('n'), customerId, type: 'nps', at, score }),
  abandoned: (customerId: string, at: string, reason = 'moved to another city') => ({ id: next('a'), customerId, type: 'abandoned', at, reason }),
  mileage: (customerId: string, at: string, km: number) => ({ id: next('m'), customerId, type: 'mileage', at, km }),
};

/** Imports a fixture folder into a test database (no evaluation: the test drives the clock). */
export async function loadFixture(db: Db, dir: string): Promise<void> {
  const summary = await importPath(db, dir, {});
  if (summary.total.rejected > 0) throw new Error(`fixture rejected: ${JSON.stringify(summary.errors)}`);
}

export const at = (iso: string) => new Date(iso);

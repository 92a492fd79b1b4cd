import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test helper: files of records in a fresh temp directory; arrays are written as JSON Lines. */
export function writeFixtureDir(files: Record<string, string | readonly object[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'retain-ingest-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : content.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  return dir;
}

export const store = { id: 'sh-01', name: '上海浦东服务中心', region: 'east', timeZone: 'Asia/Shanghai' };
export const advisor = { id: 'sa-li', storeId: 'sh-01', name: '李明', role: 'advisor' };
export const customer = (id: string, more: object = {}) => ({
  id,
  storeId: 'sh-01',
  name: `客户 ${id}`,
  phone: '13812341234',
  advisorId: 'sa-li',
  since: '2022-06-10',
  hasApp: true,
  consent: { sms: true, phone: true, wechat: true, app: true, email: false },
  ...more,
});
export const vehicle = (vin: string, customerId: string) => ({
  vin,
  customerId,
  model: 'Model 3',
  deliveredAt: '2022-06-10',
  maintenanceIntervalMonths: 12,
  maintenanceIntervalKm: 20000,
});
export const nps = (id: string, customerId: string, score = 9, at = '2024-03-01T10:00:00+08:00') => ({
  id,
  customerId,
  type: 'nps',
  at,
  score,
});

/** One store, one advisor, customers c-001 and c-002, a vehicle of c-001, two events. */
export function baseFiles(): Record<string, readonly object[]> {
  return {
    'stores.jsonl': [store],
    'staff.jsonl': [advisor],
    'customers.jsonl': [customer('c-001'), customer('c-002')],
    'vehicles.jsonl': [vehicle('LRW3E7FA0NC000001', 'c-001')],
    'events.jsonl': [nps('e-1', 'c-001'), nps('e-2', 'c-002', 3)],
  };
}

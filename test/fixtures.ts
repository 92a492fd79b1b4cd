import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small store: two advisors and the customers given, written as data-format.md JSONL files. */
export function writeStoreFiles(
  customers: { id: string; since?: string; wechat?: string | null; hasApp?: boolean }[],
  events: Record<string, unknown>[] = [],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'retain-fixture-'));
  const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, 'stores.jsonl'), jsonl([{ id: 'sh-01', name: '上海浦东服务中心', region: 'east', timeZone: 'Asia/Shanghai' }]));
  writeFileSync(
    join(dir, 'staff.jsonl'),
    jsonl([
      { id: 'sa-li', storeId: 'sh-01', name: '李明', role: 'advisor' },
      { id: 'sm-wang', storeId: 'sh-01', name: '王芳', role: 'service_manager' },
    ]),
  );
  writeFileSync(
    join(dir, 'customers.jsonl'),
    jsonl(
      customers.map((c) => ({
        id: c.id, storeId: 'sh-01', name: `客户${c.id}`, phone: '13812341234', wechat: c.wechat ?? null,
        advisorId: 'sa-li', since: c.since ?? '2022-06-10', hasApp: c.hasApp ?? false,
        consent: { sms: true, phone: true, wechat: true, app: true, email: false },
      })),
    ),
  );
  writeFileSync(
    join(dir, 'vehicles.jsonl'),
    jsonl(customers.map((c, i) => ({
      vin: `LRW3E7FA0NC${String(i).padStart(6, '0')}`, customerId: c.id, model: 'Model 3',
      deliveredAt: c.since ?? '2022-06-10', maintenanceIntervalMonths: 12, maintenanceIntervalKm: 20000,
    }))),
  );
  writeFileSync(join(dir, 'events.jsonl'), jsonl(events));
  return dir;
}

let seq = 0;
/** A closed paid visit on a date. */
export function visit(customerId: string, at: string, amount = 680): Record<string, unknown> {
  seq++;
  return { id: `v-${customerId}-${seq}`, customerId, type: 'visit', at, visitId: `visit-${seq}`, kind: 'maintenance', amount };
}

export function nps(customerId: string, at: string, score: number): Record<string, unknown> {
  seq++;
  return { id: `n-${customerId}-${seq}`, customerId, type: 'nps', at, score };
}

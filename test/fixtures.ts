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

/**
 * The back-test's store: four customers as of 2024-06-30 and what happened in the 180 days after.
 * c1 healthy and came back; c2 gone since February and never returned (lost); c3 gone since
 * January but came back in August; c4 healthy yet never came back (lost). c2 and c3 are red.
 */
export function writeBacktestStore(): string {
  return writeStoreFiles([{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }], [
    visit('c1', '2024-06-20T10:00:00+08:00'),
    nps('c1', '2024-06-21T10:00:00+08:00', 10),
    visit('c1', '2024-09-01T10:00:00+08:00'),
    visit('c1', '2024-12-28T10:00:00+08:00'),
    visit('c2', '2024-02-01T10:00:00+08:00'),
    visit('c3', '2024-01-15T10:00:00+08:00'),
    visit('c3', '2024-08-01T10:00:00+08:00'),
    visit('c4', '2024-06-25T10:00:00+08:00'),
    nps('c4', '2024-06-26T10:00:00+08:00', 10),
  ]);
}

import { DEFAULT_TIME_ZONE } from '../domain/dates.js';
import type { CustomerFacts } from '../domain/evaluation.js';
import type { RecordKind, RecordOf } from '../domain/records.js';
import type { ImportError } from './import-summary.js';
import { listImportFiles, type ImportFile } from './list-import-files.js';
import { readValidated } from './read-validated.js';

export interface FilesFacts {
  facts: CustomerFacts[];
  errors: ImportError[];
}

/**
 * Reads a folder of record files straight into scoring input, with no database: the
 * `retain evaluate` path. Invalid records and broken references are reported like an import's
 * and left out; everything else is evaluated.
 */
export async function readFactsFromFiles(dir: string): Promise<FilesFacts> {
  const { files } = listImportFiles(dir);
  const errors: ImportError[] = [];
  const zones = new Map<string, string>();
  const byCustomer = new Map<string, CustomerFacts>();

  type Fail = (field: string, reason: string) => void;
  async function each<K extends RecordKind>(kind: K, use: (value: RecordOf[K], fail: Fail) => void) {
    for (const file of files.filter((f): f is ImportFile & { kind: K } => f.kind === kind)) {
      for await (const item of readValidated(file)) {
        const fail = (field: string, reason: string) => errors.push({ file: file.name, line: item.line, field, reason });
        if (item.errors) item.errors.forEach((e) => fail(e.field, e.reason));
        else use(item.value, fail);
      }
    }
  }
  await each('stores', (s) => void zones.set(s.id, s.timeZone));
  await each('customers', (c, fail) => {
    if (!zones.has(c.storeId)) return fail('storeId', `unknown store "${c.storeId}"`);
    byCustomer.set(c.id, { customer: c, vehicles: [], events: [], timeZone: zones.get(c.storeId) ?? DEFAULT_TIME_ZONE });
  });
  await each('vehicles', (v, fail) => {
    const f = byCustomer.get(v.customerId);
    if (!f) return fail('customerId', `unknown customer "${v.customerId}"`);
    f.vehicles.push(v);
  });
  await each('events', (e, fail) => {
    const f = byCustomer.get(e.customerId);
    if (!f) return fail('customerId', `unknown customer "${e.customerId}"`);
    f.events.push(e);
  });
  return { facts: [...byCustomer.values()], errors };
}

import { DEFAULT_TIME_ZONE, toInstant } from '../../domain/dates.js';
import type { RecordKind, RecordOf, RetainEvent } from '../../domain/records.js';
import type { ImportError } from '../../ingest/import-summary.js';
import { listImportFiles, type ImportFile } from '../../ingest/list-import-files.js';
import { readValidated } from '../../ingest/read-validated.js';
import type { Db } from '../../store/db.js';
import { writeRecords } from '../../store/write-records.js';

export interface TimedEvent {
  event: RetainEvent;
  at: number;
}

export interface LoadedData {
  /** Every valid event of a known customer, by instant then id (the replay's order). */
  events: TimedEvent[];
  /** Store id → IANA zone. */
  zones: Map<string, string>;
  problems: ImportError[];
}

const BATCH = 1000;

/**
 * Reads a data folder (data-format.md) into the replay's store: stores, staff, customers and
 * vehicles are written at once; events are returned in time order for the clock to let in.
 * Bad records are reported with file, line, field and reason, like an import, and left out.
 */
export async function loadReplayData(db: Db, dir: string): Promise<LoadedData> {
  const { files } = listImportFiles(dir);
  const problems: ImportError[] = [];
  const zones = new Map<string, string>();
  const customerZone = new Map<string, string>();
  const events: TimedEvent[] = [];

  async function each<K extends RecordKind>(kind: K, use: (batch: { line: number; value: RecordOf[K] }[], file: ImportFile) => Promise<void>) {
    for (const file of files.filter((f): f is ImportFile & { kind: K } => f.kind === kind)) {
      let batch: { line: number; value: RecordOf[K] }[] = [];
      for await (const item of readValidated(file)) {
        if (item.errors) item.errors.forEach((e) => problems.push({ file: file.name, line: item.line, field: e.field, reason: e.reason }));
        else batch.push({ line: item.line, value: item.value });
        if (batch.length >= BATCH) await use(batch.splice(0), file);
      }
      if (batch.length > 0) await use(batch, file);
      batch = [];
    }
  }
  const write = <K extends Exclude<RecordKind, 'events'>>(kind: K) => async (batch: { line: number; value: RecordOf[K] }[], file: ImportFile) => {
    const result = await writeRecords(db, kind, batch.map((b) => b.value));
    result.outcomes.forEach((o, i) => {
      if (o.status === 'rejected') problems.push({ file: file.name, line: batch[i]!.line, field: o.error.field, reason: o.error.reason });
      else if (kind === 'stores') zones.set((batch[i]!.value as RecordOf['stores']).id, (batch[i]!.value as RecordOf['stores']).timeZone);
      else if (kind === 'customers') {
        const c = batch[i]!.value as RecordOf['customers'];
        customerZone.set(c.id, zones.get(c.storeId) ?? DEFAULT_TIME_ZONE);
      }
    });
  };
  await each('stores', write('stores'));
  await each('staff', write('staff'));
  await each('customers', write('customers'));
  await each('vehicles', write('vehicles'));
  // A notice is stored at once: the worker's clock announces it when the replay passes its time.
  await each('notices', write('notices'));
  const seen = new Set<string>();
  await each('events', async (batch, file) => {
    for (const { line, value } of batch) {
      const zone = customerZone.get(value.customerId);
      if (zone === undefined) problems.push({ file: file.name, line, field: 'customerId', reason: `unknown customer "${value.customerId}"` });
      else if (seen.has(value.id)) problems.push({ file: file.name, line, field: 'id', reason: `duplicate id "${value.id}": the first one is replayed` });
      else {
        seen.add(value.id);
        events.push({ event: value, at: toInstant(value.at, zone) });
      }
    }
  });
  events.sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return { events, zones, problems };
}

import type { RecordKind, RecordOf } from '../domain/records.js';
import type { Db } from './db.js';
import { writeCustomers } from './write-customers.js';
import { writeEvents } from './write-events.js';
import { writeNotices } from './write-notices.js';
import { writeNotes } from './write-notes.js';
import type { WriteResult } from './write-outcome.js';
import { writeStaff } from './write-staff.js';
import { writeStores } from './write-stores.js';
import { writeVehicles } from './write-vehicles.js';

const writers: { [K in RecordKind]: (db: Db, records: readonly RecordOf[K][]) => Promise<WriteResult> } = {
  stores: writeStores,
  staff: writeStaff,
  customers: writeCustomers,
  vehicles: writeVehicles,
  events: writeEvents,
  notices: writeNotices,
  notes: writeNotes,
};

/** Writes one batch of validated records of one kind; outcomes come back in input order. */
export function writeRecords<K extends RecordKind>(db: Db, kind: K, records: readonly RecordOf[K][]): Promise<WriteResult> {
  return writers[kind](db, records);
}

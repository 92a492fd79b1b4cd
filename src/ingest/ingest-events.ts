import { validateRecord, type FieldError } from '../domain/validate-record.js';
import type { Db } from '../store/db.js';
import { RecordBatcher } from './record-batcher.js';

export interface IngestResult {
  index: number;
  id?: string;
  status: 'imported' | 'unchanged' | 'rejected';
  errors?: FieldError[];
}

export interface IngestOutcome {
  /** One per input, in input order. */
  results: IngestResult[];
  /** Customers with a newly stored event: re-evaluate them. */
  affectedCustomerIds: string[];
}

/**
 * Validates and stores a batch of events from the API through the same path as file import.
 * Each event stands alone: good ones are stored even when others are rejected; one dated more
 * than a day after `now` is rejected.
 */
export async function ingestEvents(db: Db, inputs: readonly unknown[], now: Date): Promise<IngestOutcome> {
  const results: IngestResult[] = inputs.map((input, index) => {
    const id = (input as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? { index, id, status: 'rejected' } : { index, status: 'rejected' };
  });
  const batcher = new RecordBatcher(db, 'events', (index: number, outcome) => {
    const r = results[index]!;
    if (outcome.status === 'rejected') r.errors = [outcome.error];
    else r.status = outcome.status === 'inserted' ? 'imported' : 'unchanged';
  });
  for (const [index, input] of inputs.entries()) {
    const checked = validateRecord('events', input, now);
    if (checked.ok) {
      results[index]!.id = checked.value.id;
      await batcher.add(index, checked.value);
    } else results[index]!.errors = checked.errors;
  }
  await batcher.flush();
  return { results, affectedCustomerIds: [...batcher.affectedCustomerIds].sort() };
}

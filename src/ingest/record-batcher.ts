import type { RecordKind, RecordOf } from '../domain/records.js';
import type { Db } from '../store/db.js';
import type { WriteOutcome, WriteResult } from '../store/write-outcome.js';
import { writeRecords } from '../store/write-records.js';

export const DEFAULT_BATCH_SIZE = 5_000;

/** Receives the outcome of each record, with the reference (line, index) it was added with. */
export type OutcomeSink<R> = (ref: R, outcome: WriteOutcome) => void;

export interface BatcherOptions {
  batchSize?: number | undefined;
  /**
   * Batches written at once. One is always in flight while the next is read and validated;
   * more only help with a server and a connection pool (PGlite runs on this thread, and a
   * transaction has one connection).
   */
  concurrency?: number | undefined;
}

interface InFlight<R> {
  refs: R[];
  result: Promise<WriteResult>;
}

/**
 * Collects validated records and writes them in batches: the write path shared by file import
 * and the HTTP API (big events files have their own, see import-file.ts). Outcomes are
 * delivered in the order records were added.
 */
export class RecordBatcher<K extends RecordKind, R> {
  private refs: R[] = [];
  private records: RecordOf[K][] = [];
  private readonly inFlight: InFlight<R>[] = [];
  private readonly batchSize: number;
  private readonly concurrency: number;
  readonly affectedCustomerIds = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly kind: K,
    private readonly onOutcome: OutcomeSink<R>,
    options: BatcherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Adds a record; when a batch fills and too many are in flight, waits for the oldest (backpressure). */
  async add(ref: R, record: RecordOf[K]): Promise<void> {
    this.refs.push(ref);
    this.records.push(record);
    if (this.records.length >= this.batchSize) await this.dispatch();
  }

  /** Writes whatever is pending and waits for every batch. */
  async flush(): Promise<void> {
    if (this.records.length > 0) await this.dispatch();
    while (this.inFlight.length > 0) await this.settleOldest();
  }

  private async dispatch(): Promise<void> {
    while (this.inFlight.length >= this.concurrency) await this.settleOldest();
    const result = writeRecords(this.db, this.kind, this.records);
    result.catch(() => undefined); // observed when settled; a failure stops the import there
    this.inFlight.push({ refs: this.refs, result });
    this.refs = [];
    this.records = [];
  }

  private async settleOldest(): Promise<void> {
    const { refs, result } = this.inFlight[0]!;
    try {
      const { outcomes, affectedCustomerIds } = await result;
      for (let i = 0; i < refs.length; i++) this.onOutcome(refs[i]!, outcomes[i]!);
      for (const id of affectedCustomerIds) this.affectedCustomerIds.add(id);
    } finally {
      this.inFlight.shift();
    }
  }
}

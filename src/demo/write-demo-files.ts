import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateServiceCenter, type ServiceCenterOptions } from './generate-service-center.js';

export interface DemoFileCounts {
  stores: number;
  staff: number;
  customers: number;
  vehicles: number;
  events: number;
}

const CHUNK = 256 * 1024;

/**
 * A JSON Lines file written through a buffer: lines are gathered into ~256 KiB chunks
 * (one `write` — or one `await` — per line would dominate the time for millions of events),
 * and a chunk the stream cannot take yet waits for 'drain', so memory stays flat.
 */
class JsonlFile {
  private readonly stream: WriteStream;
  private buffer = '';
  count = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  push(record: unknown): void {
    this.buffer += JSON.stringify(record) + '\n';
    this.count++;
  }

  /** Hands a full buffer to the stream, waiting while the stream is backed up. */
  async flushIfFull(): Promise<void> {
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * Writes the demo service center as the files of data-format.md (stores.jsonl, staff.jsonl,
 * customers.jsonl, vehicles.jsonl, events.jsonl) into `dir`, one customer at a time.
 */
export async function writeDemoFiles(dir: string, options: ServiceCenterOptions): Promise<DemoFileCounts> {
  const center = generateServiceCenter(options);
  await mkdir(dir, { recursive: true });
  const open = (name: string) => new JsonlFile(join(dir, `${name}.jsonl`));
  const files = { stores: open('stores'), staff: open('staff'), customers: open('customers'), vehicles: open('vehicles'), events: open('events') };
  try {
    for (const s of center.stores) files.stores.push(s);
    for (const s of center.staff) files.staff.push(s);
    for (const b of center.bundles()) {
      files.customers.push(b.customer);
      for (const v of b.vehicles) files.vehicles.push(v);
      for (const e of b.events) files.events.push(e);
      await files.customers.flushIfFull();
      await files.vehicles.flushIfFull();
      await files.events.flushIfFull();
    }
  } finally {
    await Promise.all(Object.values(files).map((f) => f.close()));
  }
  return {
    stores: files.stores.count,
    staff: files.staff.count,
    customers: files.customers.count,
    vehicles: files.vehicles.count,
    events: files.events.count,
  };
}

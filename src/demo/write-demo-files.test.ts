import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRecord } from '../domain/validate-record.js';
import { generateServiceCenter } from './generate-service-center.js';
import { writeDemoFiles } from './write-demo-files.js';

const options = { seed: 9, customers: 250, stores: 2, asOf: '2026-06-30' };
const KINDS = ['stores', 'staff', 'customers', 'vehicles', 'events'] as const;
const dirs: string[] = [];

async function written(): Promise<{ dir: string; counts: Awaited<ReturnType<typeof writeDemoFiles>> }> {
  const dir = await mkdtemp(join(tmpdir(), 'retain-demo-'));
  dirs.push(dir);
  // A nested folder that does not exist yet: writeDemoFiles creates it.
  const out = join(dir, 'data');
  return { dir: out, counts: await writeDemoFiles(out, options) };
}

const lines = async (dir: string, kind: string) => (await readFile(join(dir, `${kind}.jsonl`), 'utf8')).split('\n').filter((l) => l !== '');

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeDemoFiles', () => {
  it('writes the five files of data-format.md, one valid record per line, and returns the counts', async () => {
    const { dir, counts } = await written();
    expect(counts.customers).toBe(250);
    expect(counts.stores).toBe(2);
    // Large enough to go through several buffer flushes.
    expect(counts.events).toBeGreaterThan(5000);
    for (const kind of KINDS) {
      const rows = await lines(dir, kind);
      expect(rows).toHaveLength(counts[kind]);
      const invalid = rows.filter((row) => !validateRecord(kind, JSON.parse(row)).ok);
      expect(invalid).toEqual([]);
    }
  });

  it('writes exactly what the generator yields, in order', async () => {
    const { dir } = await written();
    const center = generateServiceCenter(options);
    const expected = { customers: [] as string[], vehicles: [] as string[], events: [] as string[] };
    for (const b of center.bundles()) {
      expected.customers.push(JSON.stringify(b.customer));
      expected.vehicles.push(...b.vehicles.map((v) => JSON.stringify(v)));
      expected.events.push(...b.events.map((e) => JSON.stringify(e)));
    }
    expect(await lines(dir, 'stores')).toEqual(center.stores.map((s) => JSON.stringify(s)));
    expect(await lines(dir, 'staff')).toEqual(center.staff.map((s) => JSON.stringify(s)));
    for (const kind of ['customers', 'vehicles', 'events'] as const) expect(await lines(dir, kind)).toEqual(expected[kind]);
  });

  it('is byte-identical across runs with the same seed', async () => {
    const [a, b] = [await written(), await written()];
    for (const kind of KINDS) {
      expect((await readFile(join(a.dir, `${kind}.jsonl`))).equals(await readFile(join(b.dir, `${kind}.jsonl`)))).toBe(true);
    }
  });
});

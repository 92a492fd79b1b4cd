import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { parseDay } from '../src/domain/dates.js';
import { defaultPolicy } from '../src/domain/policy/default-policy.js';
import { writeDemoFiles } from '../src/demo/write-demo-files.js';
import { scoreCustomers } from '../src/engine/score-customers.js';
import { importPath } from '../src/ingest/import-path.js';
import { openDb } from '../src/store/open-db.js';
import { openPgDb } from '../src/store/pg-db.js';

/**
 * `npm run bench:workers`: how many due items per second `retain worker` processes on the
 * PostgreSQL server, with one worker process and with two side by side. The demo network is
 * evaluated as of a past date, so by the real clock every task it opened is overdue and every
 * step is due: the workers open, escalate and send until only future deadlines remain.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000' },
    'pg-url': { type: 'string', default: process.env.RETAIN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
  },
});
const url = values['pg-url']!;
const customers = Number(values.customers);
const asOf = '2026-06-30';
const dir = join('.retain', `bench-workers-${customers}`);
if (!existsSync(join(dir, 'events.jsonl'))) {
  mkdirSync(dir, { recursive: true });
  await writeDemoFiles(dir, { customers, stores: 2, seed: 11, asOf });
}

async function prepare(schema: string): Promise<number> {
  const db = await openDb({ databaseUrl: url, schema });
  try {
    await importPath(db, dir, {});
    await scoreCustomers(db, { asOf: parseDay(asOf), now: new Date(`${asOf}T02:00:00+08:00`), policy: defaultPolicy() });
    const [open] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status = 'open'");
    return open!.n;
  } finally {
    await db.close();
  }
}

function runWorker(schema: string): Promise<{ items: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--once'], {
      env: { ...process.env, DATABASE_URL: url, RETAIN_DB_SCHEMA: schema, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('exit', (code) => {
      const m = /processed (\d+) due items in ([\d.]+) s/.exec(out);
      if (code !== 0 || !m) reject(new Error(`worker exited ${code}: ${out}`));
      else resolve({ items: Number(m[1]), seconds: Number(m[2]) });
    });
  });
}

async function dropSchemas(schema: string): Promise<void> {
  const admin = await openPgDb({ url, max: 1 });
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
  await admin.close();
}

const table = new Table({ head: ['workers', 'open tasks before', 'items processed', 'wall time (s)', 'items/s'] });
for (const workers of [1, 2]) {
  const schema = `bench_workers_${workers}`;
  await dropSchemas(schema);
  const open = await prepare(schema);
  const started = Date.now();
  const runs = await Promise.all(Array.from({ length: workers }, () => runWorker(schema)));
  const items = runs.reduce((n, r) => n + r.items, 0);
  // Each process times its own drain (start-up excluded); the slower one ends the work.
  const seconds = Math.max(...runs.map((r) => r.seconds));
  console.log(`${workers} worker(s): ${items} items, ${runs.map((r) => `${r.items} in ${r.seconds} s`).join(' + ')} (wall ${((Date.now() - started) / 1000).toFixed(1)} s with start-up)`);
  table.push([workers, open, items, seconds.toFixed(2), Math.round(items / seconds).toLocaleString('en-US')]);
  await dropSchemas(schema);
}
console.log(table.toString());

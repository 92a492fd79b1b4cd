import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { writeDemoFiles } from '../src/demo/write-demo-files.js';
import type { BenchFigures } from './run-one.js';

/**
 * `npm run bench`: generates the synthetic network once, then measures each database in a fresh
 * process (so peak memory is that run's own) and prints the figures beside the targets.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    stores: { type: 'string', default: '20' },
    db: { type: 'string', default: 'pglite,postgres' },
    'pg-url': { type: 'string', default: process.env.RETAIN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
  },
});
const customers = Number(values.customers);
const asOf = '2026-06-30';
const dir = join('.retain', `bench-${customers}`);
if (!existsSync(join(dir, 'events.jsonl'))) {
  mkdirSync(dir, { recursive: true });
  const t = Date.now();
  const counts = await writeDemoFiles(dir, { customers, stores: Number(values.stores), seed: 7, asOf });
  console.log(`generated ${JSON.stringify(counts)} in ${((Date.now() - t) / 1000).toFixed(1)} s → ${dir}`);
}

const results: BenchFigures[] = [];
for (const kind of values.db!.split(',')) {
  console.log(`\n── ${kind} ──`);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join('bench', 'run-one.ts'), '--db', kind, '--dir', dir, '--as-of', asOf, '--pg-url', values['pg-url']!],
    { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  ).toString();
  const last = out.trim().split('\n').pop()!;
  results.push(JSON.parse(last) as BenchFigures);
}

const t = new Table({ head: ['figure', ...results.map((r) => r.db), 'target'] });
const row = (name: string, pick: (r: BenchFigures) => string, target: string) => t.push([name, ...results.map(pick), target]);
row('customers / events', (r) => `${r.customers} / ${r.events}`, '');
row('import rate (events/s)', (r) => Math.round(r.importEventsPerSecond).toLocaleString('en'), '≥ 300k pg');
row('full evaluation, first run (s)', (r) => r.evaluationSeconds.toFixed(1), '≤ 60 s pg at 1M');
row('evaluation (customers/s)', (r) => Math.round(r.customersPerSecond).toLocaleString('en'), '');
row('next night\'s full run (s)', (r) => r.nightlySeconds.toFixed(1), '≤ 15 s pg at 1M');
row('the night after (s)', (r) => r.thirdNightSeconds.toFixed(1), '≤ 15 s pg at 1M');
row('events kept in state', (r) => `${(r.stateShare * 100).toFixed(1)} %`, '');
row('event → warning p50 (ms)', (r) => r.eventToWarningP50Ms.toFixed(1), '');
row('event → warning p99 (ms)', (r) => r.eventToWarningP99Ms.toFixed(1), '≤ 50 ms');
row('raw COPY of the events (events/s)', (r) => Math.round(r.rawCopyEventsPerSecond).toLocaleString('en'), '');
row('import / raw COPY', (r) => `${((r.importEventsPerSecond / r.rawCopyEventsPerSecond) * 100).toFixed(0)} %`, '≥ 75 %');
row('SQL aggregation per customer (s)', (r) => r.sqlAggregationSeconds.toFixed(1), '');
row('next night / SQL aggregation', (r) => `${(r.nightlySeconds / r.sqlAggregationSeconds).toFixed(1)} ×`, '');
row('risk list p95, network (ms)', (r) => r.riskListP95Ms.toFixed(1), '≤ 50 ms');
row('risk list p95, one store (ms)', (r) => r.storeRiskListP95Ms.toFixed(1), '≤ 50 ms');
row('warning board p95 (ms)', (r) => r.warningBoardP95Ms.toFixed(1), '');
row('peak memory (MiB)', (r) => Math.round(r.peakRssMiB).toString(), '< 1024');
console.log(`\n${t.toString()}`);

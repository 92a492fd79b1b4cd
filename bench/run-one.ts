import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../src/api/serve.js';
import { formatDay, parseDay } from '../src/domain/dates.js';
import { defaultPolicy } from '../src/domain/policy/default-policy.js';
import { getActivePolicy } from '../src/engine/active-policy.js';
import { scoreCustomers } from '../src/engine/score-customers.js';
import { importPath } from '../src/ingest/import-path.js';
import { createApiToken } from '../src/store/api-tokens.js';
import { openDb } from '../src/store/open-db.js';
import { openPgDb } from '../src/store/pg-db.js';

export interface BenchFigures {
  db: string;
  customers: number;
  events: number;
  importSeconds: number;
  importEventsPerSecond: number;
  evaluationSeconds: number;
  customersPerSecond: number;
  /** The next night's run over the same customers: every one evaluated and stored again, few warnings move. */
  nightlySeconds: number;
  eventToWarningP50Ms: number;
  eventToWarningP99Ms: number;
  peakRssMiB: number;
}

const { values } = parseArgs({
  options: { db: { type: 'string' }, dir: { type: 'string' }, 'as-of': { type: 'string' }, 'pg-url': { type: 'string' } },
});
const kind = values.db!;
const schema = `bench_${randomBytes(4).toString('hex')}`;
const pgliteDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'retain-bench-')) : undefined;
const db = await openDb(kind === 'postgres' ? { databaseUrl: values['pg-url']!, schema } : { dataDir: pgliteDir! });
const policy = defaultPolicy();
const asOf = values['as-of']!;
const secs = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

try {
  let t = process.hrtime.bigint();
  const summary = await importPath(db, values.dir!, {});
  const importSeconds = secs(t);
  const eventsFile = summary.files.find((f) => f.file.startsWith('events'));
  const events = eventsFile?.imported ?? 0;
  const eventSeconds = eventsFile?.seconds ?? importSeconds;
  console.error(`import: ${summary.total.imported} records in ${importSeconds.toFixed(1)} s (events ${events} in ${eventSeconds.toFixed(1)} s)`);

  t = process.hrtime.bigint();
  const outcome = await scoreCustomers(db, { asOf: parseDay(asOf), now: new Date(`${asOf}T02:00:00+08:00`), policy });
  const evaluationSeconds = secs(t);
  console.error(`evaluation: ${outcome.customers} customers in ${evaluationSeconds.toFixed(1)} s, levels ${JSON.stringify(outcome.levels)}`);

  // Event → warning, end to end over HTTP: POST an NPS of 4, the response comes after re-evaluation.
  const now = new Date(`${asOf}T10:00:00+08:00`);
  const token = await createApiToken(db, 'bench', now);
  // The policy as `retain serve` reads it: the one in force, at every request.
  const server = await startServer({ db, policy: () => getActivePolicy(db), clock: () => now }, { port: 0 });
  const ids = (await db.query<{ id: string }>('SELECT id FROM customers ORDER BY md5(id) LIMIT 300')).map((r) => r.id);
  const latencies: number[] = [];
  for (const [i, id] of ids.entries()) {
    const body = JSON.stringify({ events: [{ id: `bench-nps-${i}`, customerId: id, type: 'nps', at: `${asOf}T09:00:00+08:00`, score: 4 }] });
    const start = process.hrtime.bigint();
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    await res.json();
    if (i >= 20) latencies.push(secs(start) * 1000); // the first requests warm up the process
  }
  await server.close();
  const [open] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM warnings WHERE closed_at IS NULL AND level = 'red' AND customer_id = ANY($1::text[])",
    [ids],
  );
  console.error(`event → warning: ${open!.n} of ${ids.length} customers have a red warning after their NPS of 4`);
  // The next night: a full run again, with most warnings and programs already in place.
  const nextDay = parseDay(asOf) + 1;
  t = process.hrtime.bigint();
  const nightly = await scoreCustomers(db, { asOf: nextDay, now: new Date(`${formatDay(nextDay)}T02:00:00+08:00`), policy });
  const nightlySeconds = secs(t);
  console.error(`next night: ${nightly.customers} customers in ${nightlySeconds.toFixed(1)} s, warnings ${JSON.stringify(nightly.warnings)}`);

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;

  const figures: BenchFigures = {
    db: kind,
    customers: outcome.customers,
    events,
    importSeconds,
    importEventsPerSecond: events / eventSeconds,
    evaluationSeconds,
    customersPerSecond: outcome.customers / evaluationSeconds,
    nightlySeconds,
    eventToWarningP50Ms: pct(50),
    eventToWarningP99Ms: pct(99),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(figures));
} finally {
  await db.close();
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  if (kind === 'postgres') {
    const admin = await openPgDb({ url: values['pg-url']!, max: 1 });
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  }
}

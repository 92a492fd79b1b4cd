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
  /** The night after that: the states are compacted now, a month's thinning is not due. */
  thirdNightSeconds: number;
  eventToWarningP50Ms: number;
  eventToWarningP99Ms: number;
  /** Events kept in the customers' states after the first run, over the events logged. */
  stateShare: number;
  /** PostgreSQL's own speed on the same data: the events' rows copied into an unindexed copy of the table. */
  rawCopyEventsPerSecond: number;
  /** One SQL aggregation per customer over the log (visits, spend, logins, complaints by window), seconds. */
  sqlAggregationSeconds: number;
  riskListP95Ms: number;
  storeRiskListP95Ms: number;
  warningBoardP95Ms: number;
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
  console.error(`evaluation: ${outcome.customers} customers in ${evaluationSeconds.toFixed(1)} s, levels ${JSON.stringify(outcome.levels)}, states written ${outcome.statesWritten}`);

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
  console.error(`next night: ${nightly.customers} customers in ${nightlySeconds.toFixed(1)} s, warnings ${JSON.stringify(nightly.warnings)}, states written ${nightly.statesWritten}`);

  t = process.hrtime.bigint();
  const third = await scoreCustomers(db, { asOf: nextDay + 1, now: new Date(`${formatDay(nextDay + 1)}T02:00:00+08:00`), policy });
  const thirdNightSeconds = secs(t);
  console.error(`the night after: ${third.customers} customers in ${thirdNightSeconds.toFixed(1)} s, states written ${third.statesWritten}`);

  const [share] = await db.query<{ kept: number; logged: number }>(
    `SELECT (SELECT sum(array_length(string_to_array(events, E'\n'), 1))::int FROM customer_state) AS kept, (SELECT count(*)::int FROM events) AS logged`,
  );
  const stateShare = share!.kept / share!.logged;
  console.error(`state: ${share!.kept} of ${share!.logged} events kept (${(stateShare * 100).toFixed(1)} %)`);

  // What autovacuum would have done by the morning: the import and runs just wrote every table.
  await db.exec('ANALYZE');
  const listServer = await startServer({ db, policy: () => getActivePolicy(db), clock: () => now }, { port: 0 });
  const [store] = await db.query<{ id: string }>('SELECT id FROM stores ORDER BY id LIMIT 1');
  const p95Of = async (path: string) => {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const start = process.hrtime.bigint();
      const res = await fetch(`${listServer.url}${path}${path.includes('?') ? '&' : '?'}page=${1 + (i % 5)}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      await res.arrayBuffer();
      if (i >= 10) times.push(secs(start) * 1000);
    }
    return percentile(times, 95);
  };
  const riskListP95Ms = await p95Of('/api/v1/risk-list');
  const storeRiskListP95Ms = await p95Of(`/api/v1/risk-list?storeId=${store!.id}`);
  const warningBoardP95Ms = await p95Of('/api/v1/warning-board');
  await listServer.close();
  console.error(`risk list p95 ${riskListP95Ms.toFixed(1)} ms (one store ${storeRiskListP95Ms.toFixed(1)} ms), warning board p95 ${warningBoardP95Ms.toFixed(1)} ms`);

  const rawCopyEventsPerSecond = await rawCopyRate(db, events);
  t = process.hrtime.bigint();
  await db.query(`CREATE TEMP TABLE bench_aggregate AS
    SELECT customer_id, count(*) FILTER (WHERE type = 'visit' AND day > $1::date - 365) AS visits365,
           sum((record->>'amount')::numeric) FILTER (WHERE type = 'visit' AND day > $1::date - 365) AS spend365,
           max(day) FILTER (WHERE type = 'visit') AS last_visit,
           count(*) FILTER (WHERE type = 'app_login' AND day > $1::date - 30) AS logins30,
           count(DISTINCT record->>'complaintId') FILTER (WHERE type = 'complaint_opened' AND day > $1::date - 365) AS complaints365
      FROM events WHERE day <= $1::date GROUP BY customer_id`, [asOf]);
  const sqlAggregationSeconds = secs(t);
  console.error(`raw COPY ${Math.round(rawCopyEventsPerSecond).toLocaleString('en')} events/s; one SQL aggregation per customer ${sqlAggregationSeconds.toFixed(1)} s`);

  const pct = (p: number) => percentile(latencies, p);

  const figures: BenchFigures = {
    db: kind,
    customers: outcome.customers,
    events,
    importSeconds,
    importEventsPerSecond: events / eventSeconds,
    evaluationSeconds,
    customersPerSecond: outcome.customers / evaluationSeconds,
    nightlySeconds,
    thirdNightSeconds,
    eventToWarningP50Ms: pct(50),
    eventToWarningP99Ms: pct(99),
    stateShare,
    rawCopyEventsPerSecond,
    sqlAggregationSeconds,
    riskListP95Ms,
    storeRiskListP95Ms,
    warningBoardP95Ms,
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The events' own rows (as the import writes them) copied into an unindexed copy of the table
 * in the import's batch size: only the COPY is timed, not building its text.
 */
async function rawCopyRate(target: typeof db, count: number): Promise<number> {
  await target.exec('CREATE TEMP TABLE bench_raw_events (LIKE events INCLUDING DEFAULTS)');
  const columns = ['id', 'store_id', 'customer_id', 'type', 'at', 'day', 'record'];
  let copied = 0;
  let seconds = 0;
  // Read back in id order, a slice at a time, so that memory stays flat at any size.
  for (let after = ''; copied < count; ) {
    const rows = await target.query<{ id: string; text: string }>(
      `SELECT id, concat_ws(E'\t', id, store_id, customer_id, type, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), day::text, replace(replace(record::text, '\\', '\\\\'), E'\t', '\\t')) AS text
         FROM events WHERE id > $1 ORDER BY id LIMIT 20000`,
      [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const text = `${rows.map((r) => r.text).join('\n')}\n`;
    const start = process.hrtime.bigint();
    await target.copyIn('bench_raw_events', columns, text);
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    copied += rows.length;
  }
  await target.exec('DROP TABLE bench_raw_events');
  return copied / seconds;
}

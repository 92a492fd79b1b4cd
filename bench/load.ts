import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Table from 'cli-table3';
import { writeDemoFiles } from '../src/demo/write-demo-files.js';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant } from '../src/domain/dates.js';
import { defaultPolicy } from '../src/domain/policy/default-policy.js';
import { reevaluateCustomers } from '../src/engine/reevaluate-customers.js';
import { importPath } from '../src/ingest/import-path.js';
import { createApiToken } from '../src/store/api-tokens.js';
import { freshSchema } from './chaos/chaos-db.js';

/**
 * `npm run bench:load`: the API under a steady request rate, from another process. A demo
 * network is loaded into a fresh schema of the PostgreSQL server, `retain serve` (API and
 * worker) runs in its own process, and autocannon holds each rate for a while: the event POST
 * (one event of a random customer, which re-evaluates that customer in the request) and the risk
 * list. Prints the rate held, p50/p95/p99 and errors, then the target run: 500 req/s for 60 s.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000' },
    rates: { type: 'string', default: '100,250,500' },
    seconds: { type: 'string', default: '30' },
    'target-rate': { type: 'string', default: '500' },
    'target-seconds': { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    /** Which endpoints to load, of: events, risk-list. */
    endpoints: { type: 'string', default: 'events,risk-list' },
    'pg-url': { type: 'string', default: process.env.RETAIN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
    port: { type: 'string', default: '3917' },
  },
});
const names: Record<string, string> = { events: 'POST /events', 'risk-list': 'GET /risk-list' };
const selected = values.endpoints!.split(',').map((e) => {
  const name = names[e.trim()];
  if (!name) throw new Error(`--endpoints: unknown endpoint "${e}" (known: ${Object.keys(names).join(', ')})`);
  return name;
});
const pgUrl = values['pg-url']!;
const now = new Date();
const asOf = formatDay(localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE));

const dir = mkdtempSync(join(tmpdir(), 'retain-load-'));
const { schema, db, drop } = await freshSchema('load', pgUrl);
let server: ReturnType<typeof spawn> | undefined;
try {
  const counts = await writeDemoFiles(dir, { customers: Number(values.customers), seed: 11, asOf });
  // Loaded as `retain import` loads: the customers re-evaluated after it, which also reacts to
  // their recent events; left undone, the first event posted for each customer did that instead.
  const imported = await importPath(db, dir, { now });
  await reevaluateCustomers(db, imported.affectedCustomerIds, defaultPolicy(), now);
  const token = await createApiToken(db, 'load', now);
  const customerIds = (await db.query<{ id: string }>('SELECT id FROM customers ORDER BY id')).map((r) => r.id);
  console.log(`${counts.customers} customers, ${counts.events} events in schema ${schema}`);

  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--database-url', pgUrl, '--db-schema', schema, 'serve', '--port', values.port!, '--no-worker'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => {
      const m = /Retain API: (http:\/\/\S+)\/api\/v1/.exec(chunk.toString());
      if (m) resolve(m[1]!);
    });
    server!.once('exit', (code) => reject(new Error(`retain serve exited with ${code}`)));
  });
  server.stdout!.resume();

  let seq = 0;
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const all: Record<string, autocannon.Request> = {
    'POST /events': {
      method: 'POST',
      path: '/api/v1/events',
      headers: auth,
      setupRequest: (req: autocannon.Request) => {
        const n = seq++;
        const event = { id: `load-${process.pid}-${n}`, customerId: customerIds[n % customerIds.length], type: 'app_login', at: now.toISOString() };
        return { ...req, body: JSON.stringify({ events: [event] }) };
      },
    },
    'GET /risk-list': { method: 'GET', path: '/api/v1/risk-list?pageSize=50', headers: auth },
  };
  const endpoints = Object.fromEntries(selected.map((name) => [name, all[name]!]));

  const table = new Table({ head: ['endpoint', 'rate asked', 'seconds', 'req/s held', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'] });
  const stages = values.rates!.split(',').map((r) => ({ rate: Number(r), seconds: Number(values.seconds) }));
  stages.push({ rate: Number(values['target-rate']), seconds: Number(values['target-seconds']) });
  for (const [name, request] of Object.entries(endpoints)) {
    for (const { rate, seconds } of stages) {
      const figures = await hold(url, request, rate, seconds, Number(values.connections));
      table.push([name, rate, seconds, figures.held.toFixed(0), figures.p50.toFixed(1), figures.p95.toFixed(1), figures.p99.toFixed(1), figures.errors]);
      console.log(`${name} at ${rate} req/s for ${seconds} s: held ${figures.held.toFixed(0)}, p95 ${figures.p95.toFixed(1)} ms, ${figures.errors} errors`);
    }
  }
  console.log(table.toString());
  console.log('target: 500 req/s for 60 s with 0 errors (PostgreSQL)');
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited; // before its schema is dropped
  }
  await drop();
  rmSync(dir, { recursive: true, force: true });
}

/** One rate held for `seconds`: completed requests per second, latency percentiles from every response, and errors (non-2xx, timeouts, failures). */
async function hold(url: string, request: autocannon.Request, rate: number, seconds: number, connections: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, requests: [request], overallRate: rate, duration: seconds, connections, timeout: 10 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    held: result.requests.total / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

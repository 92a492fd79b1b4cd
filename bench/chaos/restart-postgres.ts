import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { writeDemoFiles } from '../../src/demo/write-demo-files.js';
import { importPath } from '../../src/ingest/import-path.js';
import { createApiToken } from '../../src/store/api-tokens.js';
import { exited, freshSchema, PG_URL, sleep, spawnTs } from './chaos-db.js';

/** This machine's PostgreSQL cluster, restarted (fast shutdown: every connection is cut). */
function restartPostgres(): void {
  const version = readdirSync('/etc/postgresql')[0]!;
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'], { stdio: 'ignore' });
}

/**
 * `retain serve` (API and worker in one process) with PostgreSQL restarted under it, `restarts`
 * times: the process must live through it, and the API answer again within seconds, with the
 * events sent around the restart all stored once.
 */
export async function restartUnderServer(dir: string, restarts: number, asOf: string, port: number) {
  await writeDemoFiles(dir, { customers: 200, seed: 3, asOf });
  const s = await freshSchema('chaos_restart');
  const now = new Date();
  await importPath(s.db, dir, { now });
  const token = await createApiToken(s.db, 'chaos', now);
  const [{ id: customerId }] = (await s.db.query<{ id: string }>('SELECT id FROM customers ORDER BY id LIMIT 1')) as [{ id: string }];
  const server = spawnTs('src/cli/main.ts', ['--database-url', PG_URL, '--db-schema', s.schema, 'serve', '--port', String(port)], 'pipe');
  server.stdout!.resume();
  let errorLines = 0;
  server.stderr!.on('data', (chunk: Buffer) => (errorLines += chunk.toString().split('\n').filter((l) => l.includes('"level":50')).length));
  const url = `http://127.0.0.1:${port}/api/v1/events`;
  let sent = 0;
  const post = async () => {
    const n = sent;
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ id: `restart-${n}`, customerId, type: 'app_login', at: new Date().toISOString() }] }),
    }).catch(() => undefined);
    if (res?.status === 200) sent++;
    return res?.status ?? 0;
  };
  const recoveries: number[] = [];
  let failedAnswers = 0;
  try {
    for (let wait = 0; (await post()) !== 200; wait++) {
      if (wait > 60) throw new Error('retain serve did not start');
      await sleep(500);
    }
    for (let i = 0; i < restarts; i++) {
      restartPostgres();
      const down = Date.now();
      for (;;) {
        const status = await post();
        if (status === 200) break;
        failedAnswers++;
        if (Date.now() - down > 60_000) throw new Error('the API did not recover within 60 s');
        await sleep(100);
      }
      recoveries.push((Date.now() - down) / 1000);
      for (let k = 0; k < 20; k++) await post();
    }
    const alive = server.exitCode === null;
    // This process's own pool lived through the restarts too: its next query reconnects.
    const [stored] = await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE id LIKE 'restart-%'");
    return {
      restarts, recoverySeconds: recoveries, failedAnswersWhileDown: failedAnswers, eventsAccepted: sent, eventsStored: stored!.n,
      serverAlive: alive, errorLogLines: errorLines, ok: alive && stored!.n === sent,
    };
  } finally {
    server.kill('SIGTERM');
    await exited(server);
    await s.drop();
  }
}

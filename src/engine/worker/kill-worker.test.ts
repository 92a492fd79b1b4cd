import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PG_URL } from '../../../test/databases.js';
import type { Db } from '../../store/db.js';
import { openDb } from '../../store/open-db.js';
import { openPgDb } from '../../store/pg-db.js';
import { dueAt, evaluateAt } from '../programs/testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from '../programs/testing/program-fixture.js';

const N = 120;
const ids = Array.from({ length: N }, (_, i) => `k${String(i).padStart(3, '0')}`);
const schema = `t_kill_${process.pid}`;
const reference = `${schema}_ref`;

/** `retain worker --once` in its own process, against the test schema on the server. */
function workerProcess(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--once', '--batch-size', '1'], {
    env: { ...process.env, DATABASE_URL: TEST_PG_URL, RETAIN_DB_SCHEMA: schema, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (p: ChildProcess) => new Promise<number | null>((resolve) => p.once('exit', (code) => resolve(code)));
const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;
const escalations = (db: Db) => count(db, "SELECT count(*)::int AS n FROM program_actions WHERE kind = 'task_escalated'");

/** What was done, without the ids and times that depend on the order and moment of processing. */
async function actionsDone(db: Db): Promise<string[]> {
  const rows = await db.query<{ a: string }>(
    `SELECT concat_ws(' ', kind, customer_id, fields->>'program', fields->>'step', fields->>'role', fields->>'type', fields->>'level') AS a
       FROM program_actions`,
  );
  return rows.map((r) => r.a).sort();
}

async function overdueCustomers(s: string): Promise<Db> {
  const db = await openDb({ databaseUrl: TEST_PG_URL, schema: s });
  await loadFixture(db, writeProgramFixture(ids.map((id) => ({ id })), ids.map((id) => ev.visit(id, '2024-03-05T10:00:00+08:00'))));
  // Every advisor task opened in May 2024 is long overdue by the worker's real clock.
  await evaluateAt(db, '2024-05-10T10:00:00+08:00', ids);
  return db;
}

// PostgreSQL only: with the embedded database the worker runs inside the one process that owns it.
describe('worker processes racing, one killed mid-batch [postgres]', () => {
  let db: Db | undefined;
  let ref: Db | undefined;
  afterEach(async () => {
    await db?.close();
    await ref?.close();
    const admin = await openPgDb({ url: TEST_PG_URL, max: 1 });
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE; DROP SCHEMA IF EXISTS ${reference} CASCADE`);
    await admin.close();
  });

  it('loses nothing and does nothing twice once a new worker finishes the work', async () => {
    db = await overdueCustomers(schema);
    // The same work done in one go, uninterrupted, is what the killed-and-restarted run must match.
    ref = await overdueCustomers(reference);
    await dueAt(ref, new Date().toISOString());
    const expected = await actionsDone(ref);
    const expectedEscalations = await escalations(ref);
    expect(expectedEscalations).toBeGreaterThanOrEqual(N);

    // Two workers race for the same items; one of them is killed partway.
    const first = workerProcess();
    const racer = workerProcess();
    const deadline = Date.now() + 240_000;
    while ((await escalations(db)) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    await exited(first);
    expect(await escalations(db)).toBeGreaterThanOrEqual(5);
    expect(await exited(racer)).toBe(0);

    const second = workerProcess();
    let out = '';
    second.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    expect(await exited(second)).toBe(0);
    expect(out).toMatch(/processed \d+ due items/);

    expect(await actionsDone(db)).toEqual(expected);
    expect(await count(db, "SELECT count(DISTINCT fields->>'taskId')::int AS n FROM program_actions WHERE kind = 'task_escalated'")).toBe(expectedEscalations);
    expect(await count(db, "SELECT count(*)::int AS n FROM (SELECT customer_id, reason FROM tasks WHERE status = 'open' GROUP BY 1, 2 HAVING count(*) > 1) d")).toBe(0);
  }, 300_000);
});

import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase, TEST_PG_URL } from '../../../test/databases.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import type { Db } from '../../store/db.js';
import { openPgDb } from '../../store/pg-db.js';
import { logChannels } from '../programs/index.js';
import { evaluateAt } from '../programs/testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from '../programs/testing/program-fixture.js';
import { DUE_QUEUE, startWorker, type Worker } from './start-worker.js';
import { workerJobs } from './worker-jobs.js';

const T = '2024-05-10T10:00:00+08:00';
const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];

/** Five customers last seen in March: orange warnings on 10 May, each with an advisor call due on the 13th. */
async function fiveOrangeWarnings(db: Db): Promise<void> {
  await loadFixture(db, writeProgramFixture(ids.map((id) => ({ id })), ids.map((id) => ev.visit(id, '2024-03-05T10:00:00+08:00'))));
  await evaluateAt(db, T, ids);
}

const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;
const escalated = (db: Db) => count(db, "SELECT count(*)::int AS n FROM program_actions WHERE kind = 'task_escalated'");

describeEachDatabase('the worker on the job engine', (t) => {
  let worker: Worker | undefined;
  let jobSchema: string | undefined;
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    if (t.kind === 'postgres' && jobSchema) {
      const admin = await openPgDb({ url: TEST_PG_URL, max: 1 });
      await admin.exec(`DROP SCHEMA IF EXISTS ${jobSchema} CASCADE`);
      await admin.close();
    }
  });

  const start = async (db: Db, clock: () => Date, timers: boolean) => {
    jobSchema = `${t.openOptions().schema}_jobs`;
    const jobs = workerJobs(db, { channels: logChannels(), policy: async () => defaultPolicy(), timeZone: 'Asia/Shanghai' });
    worker = await startWorker(db, jobs, { clock, timeZone: 'Asia/Shanghai', jobSchema, batchSize: 2, timers, pollingSeconds: 1 });
    return worker;
  };

  it('with timers off does nothing by itself, and drains by hand exactly what the clock makes due', async () => {
    const db = await t.open();
    await fiveOrangeWarnings(db);
    let now = new Date('2024-05-13T09:59:00+08:00');
    const w = await start(db, () => now, false);
    expect(await w.drain()).toBe(0);
    now = new Date('2024-05-13T10:00:00+08:00');
    // Batches of two: the drain goes on while a batch comes back full.
    expect(await w.drain()).toBe(ids.length);
    expect(await escalated(db)).toBe(ids.length);
    expect(await w.drain()).toBe(0);
  });

  it('with timers on, a nudge gets the due work done without anyone draining', async () => {
    const db = await t.open();
    await fiveOrangeWarnings(db);
    const w = await start(db, () => new Date('2024-05-13T10:00:00+08:00'), true);
    await w.nudge();
    const deadline = Date.now() + 20_000;
    while ((await escalated(db)) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await escalated(db)).toBe(ids.length);
    const [queued] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${jobSchema}.job WHERE name = $1`, [DUE_QUEUE]);
    expect(queued!.n).toBeGreaterThan(0);
  });

  it('the nightly job evaluates every customer as of the store\'s own day', async () => {
    const db = await t.open();
    await fiveOrangeWarnings(db);
    const jobs = workerJobs(db, { channels: logChannels(), policy: async () => defaultPolicy(), timeZone: 'Asia/Shanghai' });
    // 17:30 UTC on 19 May is 01:30 on the 20th in Shanghai: the store's day is the 20th.
    await jobs.nightly(new Date('2024-05-19T17:30:00Z'));
    const days = await db.query<{ as_of: string; n: number }>('SELECT as_of, count(*)::int AS n FROM evaluations GROUP BY as_of ORDER BY as_of');
    expect(days).toEqual([{ as_of: '2024-05-10', n: ids.length }, { as_of: '2024-05-20', n: ids.length }]);
  });
});

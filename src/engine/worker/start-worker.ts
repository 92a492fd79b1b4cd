import PgBoss from 'pg-boss';
import type { Db } from '../../store/db.js';
import { jobDb } from './job-db.js';

/** What the worker runs; each takes the time from the worker's clock, never reads one. */
export interface WorkerJobs {
  /** Processes up to `limit` due items as of `now` (steps, deadlines, sends); returns how many. */
  processDue(now: Date, limit: number): Promise<number>;
  /** The nightly run: every customer evaluated as of the store's day. */
  nightly(now: Date): Promise<void>;
  /** The refit of the prediction models that are due. */
  refit(now: Date): Promise<void>;
}

export interface WorkerOptions {
  clock: () => Date;
  /** The store time zone the nightly run's 02:00 is in. */
  timeZone: string;
  /** The schema pg-boss keeps its tables in. */
  jobSchema?: string;
  /** Items per claim: a full batch asks a peer worker to join in. */
  batchSize?: number;
  /** How often an idle worker looks for a nudge. */
  pollingSeconds?: number;
  /** Off for tests and one-off runs that drain by hand: no job engine, no cron, no polling. */
  timers?: boolean;
}

export interface Worker {
  /** Asks some worker to process what is due now (after an event arrived, say); nothing with timers off. */
  nudge(): Promise<void>;
  /** Processes everything due as of the clock's now, in this process; returns how many. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export const DUE_QUEUE = 'retain-due';
export const NIGHTLY_QUEUE = 'retain-nightly';
export const REFIT_QUEUE = 'retain-refit';

/**
 * The worker on pg-boss. Deadlines and send times are rows of Retain's own tables, claimed with
 * SKIP LOCKED by `processDue`, because the replay and the tests run them on a virtual clock,
 * which pg-boss's `startAfter` (compared with the database's now()) cannot follow. pg-boss does
 * what it is made for: the cron (a sweep every minute, the nightly run at 02:00 store time, the
 * daily check for models due a refit, once per slot however many workers run), nudges from the API, and spreading a backlog over workers.
 */
export async function startWorker(db: Db, jobs: WorkerJobs, options: WorkerOptions): Promise<Worker> {
  const batchSize = options.batchSize ?? 100;
  let wake: (() => Promise<void>) | undefined;
  const drain = async () => {
    let total = 0;
    for (;;) {
      const n = await jobs.processDue(options.clock(), batchSize);
      total += n;
      if (n < batchSize) return total;
      await wake?.();
    }
  };
  // Timers off (tests, `retain worker --once`): no job engine at all, the caller drains by hand.
  if (options.timers === false) return { nudge: async () => undefined, drain, stop: async () => undefined };

  const boss = new PgBoss({ db: jobDb(db), schema: options.jobSchema ?? 'retain_jobs' });
  boss.on('error', (err) => process.emitWarning(`job engine: ${err.message}`));
  await boss.start();
  await boss.createQueue(DUE_QUEUE, { name: DUE_QUEUE, policy: 'short', retryLimit: 3 });
  await boss.createQueue(NIGHTLY_QUEUE, { name: NIGHTLY_QUEUE, policy: 'singleton', retryLimit: 2 });
  await boss.createQueue(REFIT_QUEUE, { name: REFIT_QUEUE, policy: 'singleton', retryLimit: 1 });
  const nudge = async () => {
    await boss.send(DUE_QUEUE, {});
  };
  // A full batch means a backlog: a nudge lets an idle peer worker join in.
  wake = nudge;

  await boss.schedule(DUE_QUEUE, '* * * * *');
  await boss.schedule(NIGHTLY_QUEUE, '0 2 * * *', {}, { tz: options.timeZone });
  // Daily: the policy's `prediction.refitEveryDays` decides which stores are due.
  await boss.schedule(REFIT_QUEUE, '0 3 * * *', {}, { tz: options.timeZone });
  const polling = { pollingIntervalSeconds: options.pollingSeconds ?? 2 };
  await boss.work(DUE_QUEUE, polling, async () => {
    await drain();
  });
  await boss.work(NIGHTLY_QUEUE, polling, async () => {
    await jobs.nightly(options.clock());
    await drain();
  });
  await boss.work(REFIT_QUEUE, polling, async () => {
    await jobs.refit(options.clock());
  });
  return { nudge, drain, stop: () => boss.stop({ graceful: true, wait: true, close: false }) };
}

import { availableParallelism } from 'node:os';
import type { Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { PredictionModels } from '../prediction/model-schemas.js';
import type { Db } from '../store/db.js';
import { addOutcome, emptyOutcome, storeSnapshots, type StoreOutcome } from './evaluate-and-store.js';
import { STATE_FORMAT, stateWindowDays } from '../domain/state/compact-history.js';
import { saveStates } from '../store/customer-state.js';
import { evaluatePage, type EvaluatedPage } from './evaluate-page.js';
import { EvaluationWorkers } from './evaluation-workers.js';
import { loadPage } from './load-page.js';
import { loadPredictionModels } from './load-prediction-models.js';
import { foldListWrites } from '../store/fold-list-writes.js';
import { refreshStatistics } from '../store/refresh-statistics.js';

export interface ScoreOptions {
  asOf: Day;
  now: Date;
  policy: Policy;
  storeId?: string;
  pageSize?: number;
  /** Evaluation threads once the run is longer than a page (default: one per core but one). */
  workers?: number;
  onProgress?: (done: number) => void;
  /** The prediction models by store; default: the models in force (none fitted: predictions are null). */
  models?: Map<string, PredictionModels>;
}

export interface RunOutcome extends StoreOutcome {
  /** Customers' states the run compacted or rebuilt (compact-state.ts). */
  statesWritten: number;
}

/**
 * The evaluation run: every customer (of one store, or all) as of one date, a page at a time.
 * Three things overlap: this thread reads the next page and stores the previous one while
 * worker threads evaluate (most of the work); a run of one page is evaluated here instead,
 * as starting a worker costs more than it saves.
 */
export async function scoreCustomers(db: Db, options: ScoreOptions): Promise<RunOutcome> {
  const { policy, asOf, now } = options;
  // 1,000 customers a page: as fast as 2,000 on PostgreSQL and faster on PGlite, and pages in
  // flight (some 15 MB each, parsed) are much of the run's memory: 720 MiB at the peak on
  // PGlite for 100k customers, 900 with 2,000.
  const pageSize = options.pageSize ?? 1000;
  const total: RunOutcome = { ...emptyOutcome(), statesWritten: 0 };
  const windowDays = stateWindowDays(policy);
  const models = options.models ?? (await loadPredictionModels(db, options.storeId));
  // This thread needs a core of its own: it stores each page, moves the warnings and lets the
  // programs react, and with PGlite it runs the database too. With a server, a worker on every
  // core (2 here) ran 100k customers no faster than one worker (21.0–21.3 s against 20.6–22.2 s)
  // and 20k customers 11 % slower, for 15 % more CPU time and one more page in flight.
  const threads = options.workers ?? Math.max(1, availableParallelism() - 1);
  let workers: EvaluationWorkers | undefined;
  const evaluating: Promise<EvaluatedPage>[] = [];
  let storing: Promise<void> = Promise.resolve();

  // Snapshots are stored in page order, one page at a time, while the next pages are read and evaluated.
  const storeOldest = async () => {
    const { snapshots, states } = await evaluating.shift()!;
    await storing;
    storing = storeSnapshots(db, asOf, policy.version, snapshots, now).then(async (outcome) => {
      addOutcome(total, outcome);
      total.statesWritten += await saveStates(db, states, STATE_FORMAT);
      options.onProgress?.(total.customers);
    });
    storing.catch(() => undefined); // observed by the next storeOldest or at the end
  };

  try {
    for (let after = ''; ; ) {
      const page = await loadPage(db, { after, size: pageSize, upTo: asOf, windowDays, storeId: options.storeId });
      if (!page) break;
      after = page.customers[page.customers.length - 1]!.id;
      if (!workers && page.customers.length === pageSize) {
        workers = new EvaluationWorkers(threads, policy, asOf, models);
      }
      const evaluated = workers ? workers.evaluate(page) : Promise.resolve(evaluatePage(page, policy, asOf, models));
      evaluated.catch(() => undefined); // observed in turn by storeOldest
      evaluating.push(evaluated);
      // Keep each worker one page ahead of the one being stored.
      while (evaluating.length > (workers ? 2 * threads : 0)) await storeOldest();
    }
    while (evaluating.length > 0) await storeOldest();
    await storing;
  } finally {
    await workers?.close();
  }
  // The lists rank on the current evaluations, which a full run has just rewritten.
  await refreshStatistics(db, ['current_evaluations']);
  await foldListWrites(db); // once a night keeps it to a row per connection since
  return total;
}

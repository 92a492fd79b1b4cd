import { parentPort, workerData } from 'node:worker_threads';
import type { Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { PredictionModels } from '../prediction/model-schemas.js';
import { evaluatePage, type EvaluatedPage } from './evaluate-page.js';
import type { PageFacts } from './load-page.js';

/** A worker thread of an evaluation run (evaluation-workers.ts): pages in, snapshots out. */

export interface EvaluateJob {
  policy: Policy;
  asOf: Day;
  /** The prediction models by store (a Map survives the structured clone). */
  models?: Map<string, PredictionModels> | undefined;
}

export type ToEvaluator = { page: number; facts: PageFacts };
export type FromEvaluator = { page: number; evaluated: EvaluatedPage };

const { policy, asOf, models } = (workerData as { job: EvaluateJob }).job;
parentPort!.on('message', ({ page, facts }: ToEvaluator) => {
  parentPort!.postMessage({ page, evaluated: evaluatePage(facts, policy, asOf, models) } satisfies FromEvaluator);
});

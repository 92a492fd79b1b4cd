import { Worker } from 'node:worker_threads';
import type { Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { PredictionModels } from '../prediction/model-schemas.js';
import type { EvaluateJob, FromEvaluator, ToEvaluator } from './evaluate-worker.js';
import type { PageFacts } from './load-page.js';
import type { EvaluatedPage } from './evaluate-page.js';

const YOUNG_GENERATION_MB = 96;

/**
 * Worker threads that evaluate pages (evaluate-worker.ts), so evaluation runs beside the
 * database work on this thread. A page goes to the worker with the fewest pages waiting.
 */
export class EvaluationWorkers {
  private readonly workers: { worker: Worker; waiting: Map<number, { resolve: (s: EvaluatedPage) => void; reject: (e: unknown) => void }> }[];
  private nextPage = 0;

  constructor(count: number, policy: Policy, asOf: Day, models?: Map<string, PredictionModels>) {
    const job: EvaluateJob = { policy, asOf, models };
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('../ingest/worker-entry.mjs', import.meta.url), {
        workerData: { module: new URL('./evaluate-worker.ts', import.meta.url).href, job },
        // A page's text and parsed events (tens of MB) outlive V8's default young generation
        // and were copied into the old one on their way out: with room for them, the next
        // night's run of 100k customers took 15.7–15.8 s instead of 16.2–18.3 s, for ~50 MiB.
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      const waiting = new Map<number, { resolve: (s: EvaluatedPage) => void; reject: (e: unknown) => void }>();
      worker.on('message', ({ page, evaluated }: FromEvaluator) => {
        waiting.get(page)!.resolve(evaluated);
        waiting.delete(page);
      });
      const fail = (err: unknown) => {
        for (const w of waiting.values()) w.reject(err);
        waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`an evaluation worker stopped (exit code ${code})`)));
      return { worker, waiting };
    });
  }

  evaluate(facts: PageFacts): Promise<EvaluatedPage> {
    const target = this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const page = this.nextPage++;
    return new Promise((resolve, reject) => {
      target.waiting.set(page, { resolve, reject });
      target.worker.postMessage({ page, facts } satisfies ToEvaluator);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

import { DEFAULT_TIME_ZONE } from '../domain/dates.js';
import { getActivePolicy } from '../engine/active-policy.js';
import { startWorker, type Worker } from '../engine/worker/start-worker.js';
import { workerJobs } from '../engine/worker/worker-jobs.js';
import { log } from '../log.js';
import type { Db } from '../store/db.js';
import { channelsFromOptions, type ChannelOptions } from './channel-options.js';

export interface RetainWorkerOptions {
  channels: ChannelOptions;
  dbSchema?: string | undefined;
  timeZone?: string;
  batchSize?: number;
  pollingSeconds?: number;
  timers?: boolean;
  /** Where the log channel writes each message it keeps (default: an info line in the log). */
  outboxLog?: (line: string) => void;
  /** The worker's clock (default: the machine's); the demo's runs from its --now. */
  clock?: () => Date;
}

/** The worker, on the machine's clock unless told otherwise, with the configured channels: `retain worker`, and `serve` on the embedded database. */
export function startRetainWorker(db: Db, o: RetainWorkerOptions): Promise<Worker> {
  const timeZone = o.timeZone ?? DEFAULT_TIME_ZONE;
  const channels = channelsFromOptions(o.channels, o.outboxLog ?? ((line) => log.info(line)));
  return startWorker(db, workerJobs(db, { channels, policy: () => getActivePolicy(db), timeZone }), {
    clock: o.clock ?? (() => new Date()),
    timeZone,
    jobSchema: o.dbSchema ? `${o.dbSchema}_jobs` : 'retain_jobs',
    ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
    ...(o.pollingSeconds !== undefined ? { pollingSeconds: o.pollingSeconds } : {}),
    ...(o.timers !== undefined ? { timers: o.timers } : {}),
  });
}

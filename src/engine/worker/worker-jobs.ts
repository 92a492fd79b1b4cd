import { localDayOfInstant } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy/policy-schema.js';
import type { Db } from '../../store/db.js';
import { runCampaign } from '../campaigns/run-campaign.js';
import { refitDueModels } from '../fit-models.js';
import { processDue, type ChannelRegistry } from '../programs/index.js';
import { scoreCustomers } from '../score-customers.js';
import type { WorkerJobs } from './start-worker.js';

export interface JobDeps {
  channels: ChannelRegistry;
  /** The policy in force when the run starts (it may be changed between runs). */
  policy: () => Promise<Policy>;
  /** The day the daily refit check counts as "today" in. */
  timeZone: string;
}

/** The worker's jobs on the engine: due work, the nightly evaluation of each store and campaign pass, the model refit. */
export function workerJobs(db: Db, deps: JobDeps): WorkerJobs {
  return {
    processDue: (now, limit) => processDue(db, now, { limit, channels: deps.channels }),
    async nightly(now) {
      const policy = await deps.policy();
      const stores = await db.query<{ id: string; time_zone: string }>('SELECT id, time_zone FROM stores ORDER BY id');
      // Each store as of its own day: at 02:00 in Shanghai it is still yesterday in Berlin.
      for (const store of stores) {
        await scoreCustomers(db, { asOf: localDayOfInstant(now.getTime(), store.time_zone), now, policy, storeId: store.id });
      }
      // Then each active campaign takes stock: attempts made, who came back, what to try next.
      for (const c of await db.query<{ id: string }>("SELECT id FROM campaigns WHERE status = 'active' ORDER BY id")) {
        await runCampaign(db, c.id, now);
      }
    },
    async refit(now) {
      await refitDueModels(db, localDayOfInstant(now.getTime(), deps.timeZone), { now, policy: await deps.policy() });
    },
  };
}

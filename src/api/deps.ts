import type { Policy } from '../domain/policy/policy-schema.js';
import type { Db } from '../store/db.js';

/** What the API needs from the outside: the database, the policy in force, and the clock. */
export interface ApiDeps {
  db: Db;
  policy: () => Promise<Policy>;
  clock: () => Date;
  /** Tells the worker that work may be due now (new events re-evaluated customers). */
  nudgeWorker?: () => Promise<void>;
}

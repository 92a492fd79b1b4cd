import { parseDay } from '../../../domain/dates.js';
import { defaultPolicy } from '../../../domain/policy/default-policy.js';
import type { Db } from '../../../store/db.js';
import { scoreCustomers } from '../../score-customers.js';
import { loadFixture, writeProgramFixture } from '../../programs/testing/program-fixture.js';

export const AS_OF = '2024-06-30';
export const LAUNCH = new Date('2024-07-01T09:00:00+08:00');

/**
 * Lost customers of store sh-01 (staff of every role), scored as of AS_OF: one paid visit on
 * 2024-01-15 each (R = 167: lost, recall level by that visit's amount — ≥ 8000 high → level 1,
 * 4000–8000 mid → level 2, less → level 3), plus any extra events.
 */
export async function loadLostCustomers(db: Db, spend: Record<string, number>, events: Record<string, unknown>[] = []): Promise<void> {
  const ids = Object.keys(spend);
  const visits = ids.map((id, i) => ({
    id: `old-${id}`, customerId: id, type: 'visit', at: '2024-01-15T10:00:00+08:00', visitId: `old-visit-${i}`, kind: 'maintenance', amount: spend[id],
  }));
  await loadFixture(db, writeProgramFixture(ids.map((id) => ({ id, since: '2022-06-10' })), [...visits, ...events]));
  await scoreCustomers(db, { asOf: parseDay(AS_OF), now: new Date('2024-06-30T02:00:00+08:00'), policy: defaultPolicy() });
}

/** Clears the recall runs the engine started by itself, so a test sees only what the campaign does. */
export async function clearEngineRuns(db: Db): Promise<void> {
  await db.query("UPDATE program_steps SET status = 'cancelled' WHERE status = 'pending'");
  await db.query("UPDATE tasks SET status = 'closed', outcome = 'cleared' WHERE status = 'open'");
  await db.query("UPDATE program_runs SET status = 'stopped', stop_reason = 'cleared' WHERE status = 'active'");
}

export const campaignDoc = (over: Record<string, unknown> = {}) => ({
  id: 'summer', name: '夏季流失召回', segment: { recallLevels: [1, 2, 3] }, budget: 100_000, startsOn: '2024-07-01', endsOn: '2024-07-31',
  ownerId: 'st-zhao', ...over,
});

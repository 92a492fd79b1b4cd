import { DateTime } from 'luxon';
import { formatDay, type Day } from '../domain/dates.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { createCampaign } from '../engine/campaigns/create-campaign.js';
import { launchCampaign } from '../engine/campaigns/launch-campaign.js';
import { runCampaign, type RunOutcome } from '../engine/campaigns/run-campaign.js';
import { scoreCustomers } from '../engine/score-customers.js';
import { getCampaign } from '../store/campaign-records.js';
import type { Db } from '../store/db.js';
import { DEMO_TIME_ZONE } from './calendar.js';
import { demoCampaign, LAUNCH_MINUTE } from './demo-campaign.js';
import { setDemoLinks } from './demo-links.js';

const at = (day: Day, minute: number) => DateTime.fromISO(`${formatDay(day)}T00:00`, { zone: DEMO_TIME_ZONE }).plus({ minutes: minute }).toJSDate();

/** ¥ per level-1–3 customer the demo budgets: above what any of them can reserve, so nobody is cut. */
const BUDGET_PER_CUSTOMER = 250;

/**
 * The demo's finished recall campaign in the database (issue item 7): launched over the
 * evaluations of its selection day, exactly as a store would have — the members and the
 * hold-out drawn by the launch, the attempts, offers and returns read from the imported events —
 * then run once after its attribution window, so the recall board, ROI and the monthly reviews
 * are computed from the demo's data. No program runs are started: that was months ago.
 * Does nothing when the campaign is there already. The retention settings it runs under get the
 * demo's example links first, so the messages the worker sends next carry them.
 */
export async function loadDemoCampaign(db: Db, o: { today: Day; now: Date; policy: Policy }): Promise<RunOutcome | null> {
  await setDemoLinks(db, o.now);
  const c = demoCampaign(o.today);
  if (await getCampaign(db, c.id)) return null;
  const asOf = formatDay(c.selectedOn);
  if ((await db.query('SELECT 1 FROM evaluations WHERE as_of = $1::date LIMIT 1', [asOf])).length === 0) {
    await scoreCustomers(db, { asOf: c.selectedOn, now: o.now, policy: o.policy });
  }
  const [owner] = await db.query<{ id: string }>("SELECT id FROM staff WHERE role = 'store_manager' ORDER BY id LIMIT 1");
  const [pool] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM evaluations WHERE as_of = $1::date AND record->'recall'->>'level' IS NOT NULL", [asOf]);
  if (!owner || !pool) return null;
  const launch = at(c.launchDay, LAUNCH_MINUTE);
  const month = Number(formatDay(c.launchDay).slice(5, 7));
  const created = await createCampaign(db, {
    id: c.id, name: `${month}月流失客户召回`, segment: { recallLevels: [1, 2, 3] }, program: 'auto',
    budget: Math.ceil((pool.n * BUDGET_PER_CUSTOMER) / 1000) * 1000, startsOn: formatDay(c.launchDay), endsOn: formatDay(c.endsOn),
    ownerId: owner.id, holdOutShare: c.holdOutShare, seed: c.seed, attributionDays: c.attributionDays,
  }, launch);
  if (!created.ok) throw new Error(`the demo campaign is not valid: ${JSON.stringify(created.errors)}`);
  await launchCampaign(db, c.id, { now: launch, asOf, startPrograms: false });
  // Judged once its window has closed (or today, if that is sooner).
  const closed = at(c.launchDay + c.attributionDays + 1, LAUNCH_MINUTE);
  return runCampaign(db, c.id, closed < o.now ? closed : o.now);
}

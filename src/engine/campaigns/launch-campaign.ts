import type { Scope } from '../../auth/scope.js';
import type { Db } from '../../store/db.js';
import { getCampaign, setCampaignStatus } from '../../store/campaign-records.js';
import { getActivePrograms } from '../programs/active-programs.js';
import { startCampaignRuns, stopHeldOutRuns } from './campaign-runs.js';
import { insertMembers } from './insert-members.js';
import { planStoredCampaign } from './plan-for-campaign.js';
import { summarisePlan, type CampaignPreview } from './preview-campaign.js';

export interface LaunchOptions {
  now: Date;
  /** Select from the evaluations as of this day (default: the latest of each customer). */
  asOf?: string;
  scope?: Scope;
  /** false records the members only (a campaign loaded from history, such as the demo's). */
  startPrograms?: boolean;
}

export type LaunchResult =
  | { ok: true; preview: CampaignPreview; runsStarted: number }
  | { ok: false; reason: 'not_found' } | { ok: false; reason: 'not_draft'; status: string };

/**
 * Launches a draft (issue items 1, 4): the plan of the preview is carried out in one
 * transaction — members stored with their group, the treated started on the program, the
 * held-out kept out of it — and the campaign becomes active.
 */
export async function launchCampaign(db: Db, id: string, o: LaunchOptions): Promise<LaunchResult> {
  return db.transaction(async (tx) => {
    const record = await getCampaign(tx, id, true);
    if (!record) return { ok: false, reason: 'not_found' };
    if (record.status !== 'draft') return { ok: false, reason: 'not_draft', status: record.status };
    const plan = await planStoredCampaign(tx, record, o);
    const inserted = await insertMembers(tx, id, plan.members, o.now);
    // A customer another launch took meanwhile is out of this campaign, in either group.
    const lost = plan.members.filter((m) => !inserted.has(m.candidate.customerId));
    for (const m of lost) plan.counts[m.group === 'treated' ? 'treated' : 'heldOut']--;
    plan.counts.alreadyTargeted += lost.length;
    plan.committed -= lost.reduce((sum, m) => sum + m.reserved, 0);
    plan.members = plan.members.filter((m) => inserted.has(m.candidate.customerId));
    const [day] = await tx.query<{ as_of: string | null }>('SELECT max(as_of)::text AS as_of FROM evaluations');
    await setCampaignStatus(tx, id, 'active', o.now, o.asOf ?? day?.as_of ?? undefined);
    let runsStarted = 0;
    if (o.startPrograms !== false) {
      runsStarted = await startCampaignRuns(tx, id, plan.members, await getActivePrograms(tx), o.now);
      await stopHeldOutRuns(tx, plan.members, o.now);
    }
    return { ok: true, preview: summarisePlan(id, 'active', plan), runsStarted };
  });
}

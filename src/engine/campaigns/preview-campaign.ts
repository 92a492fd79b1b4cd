import type { Scope } from '../../auth/scope.js';
import type { CampaignPlan } from '../../campaigns/plan-campaign.js';
import type { Db } from '../../store/db.js';
import { getCampaign } from '../../store/campaign-records.js';
import { planStoredCampaign } from './plan-for-campaign.js';

const yuan = (v: number) => Math.round(v * 100) / 100;

export interface LevelPreview {
  recallLevel: number | null;
  treated: number;
  heldOut: number;
  committed: number;
  expectedCost: number;
}

export interface CampaignPreview {
  campaignId: string;
  status: string;
  /** Customers who will be contacted. */
  reaches: number;
  heldOut: number;
  excluded: { alreadyTargeted: number; noProgram: number; overBudget: number };
  inSegment: number;
  holdOutShare: number;
  budget: number;
  committed: number;
  expectedCost: number;
  byLevel: LevelPreview[];
}

/** The preview's figures from a plan: per recall level and in total, ¥ to the cent. */
export function summarisePlan(id: string, status: string, plan: CampaignPlan): CampaignPreview {
  const levels = new Map<number | null, LevelPreview>();
  for (const m of plan.members) {
    const k = m.candidate.recallLevel;
    const row = levels.get(k) ?? { recallLevel: k, treated: 0, heldOut: 0, committed: 0, expectedCost: 0 };
    if (m.group === 'treated') row.treated++;
    else row.heldOut++;
    row.committed += m.reserved;
    row.expectedCost += m.expected;
    levels.set(k, row);
  }
  const byLevel = [...levels.values()]
    .sort((a, b) => (a.recallLevel ?? 9) - (b.recallLevel ?? 9))
    .map((r) => ({ ...r, committed: yuan(r.committed), expectedCost: yuan(r.expectedCost) }));
  const { inSegment, treated, heldOut, ...excluded } = plan.counts;
  return {
    campaignId: id, status, reaches: treated, heldOut, inSegment, excluded, holdOutShare: plan.holdOutShare,
    budget: plan.budget, committed: yuan(plan.committed), expectedCost: yuan(plan.expectedCost), byLevel,
  };
}

/** Before launch (issue item 1): how many customers the campaign reaches and what it is expected to cost. */
export async function previewCampaign(db: Db, id: string, o: { asOf?: string; scope?: Scope } = {}): Promise<CampaignPreview | null> {
  const record = await getCampaign(db, id);
  if (!record) return null;
  return summarisePlan(id, record.status, await planStoredCampaign(db, record, o));
}

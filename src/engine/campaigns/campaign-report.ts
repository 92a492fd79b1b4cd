import { inScope, type Scope } from '../../auth/scope.js';
import { figuresBy, aggregateFigures, type GroupFigures } from '../../campaigns/aggregate-figures.js';
import { describeUplift, type Lang } from '../../campaigns/describe-uplift.js';
import type { Db } from '../../store/db.js';
import { readDailyCalls, type DailyCalls } from '../../store/campaign-daily-calls.js';
import { readProgramOutcomes } from '../../store/campaign-program-figures.js';
import { readMemberFigures, type MemberFigures } from '../../store/campaign-member-figures.js';
import { listCampaigns, type CampaignRecord } from '../../store/campaign-records.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { getOfferCatalogue } from '../../store/offer-catalogue.js';

export const dimensions = ['campaign', 'level', 'quadrant', 'program', 'store', 'reason'] as const;
export type Dimension = (typeof dimensions)[number];

const keyOf: Record<Dimension, (m: MemberFigures) => string> = {
  campaign: (m) => m.campaignId,
  level: (m) => (m.recallLevel === null ? 'none' : String(m.recallLevel)),
  quadrant: (m) => m.quadrant,
  program: (m) => m.programId,
  store: (m) => m.storeId,
  reason: (m) => m.churnReason,
};

export interface FiguresRow extends GroupFigures {
  key: string;
  /** The treated vs held-out comparison in words (plainly "not significant" when it is not). */
  verdict: string;
}

export interface MembersInScope {
  campaigns: CampaignRecord[];
  members: MemberFigures[];
}

/** Launched campaigns (or the ones named) and their members inside the caller's scope. */
export async function loadMembers(db: Db, o: { campaignIds?: string[]; scope: Scope; now: Date }): Promise<MembersInScope> {
  const campaigns = (await listCampaigns(db)).filter((c) => c.status !== 'draft' && (!o.campaignIds || o.campaignIds.includes(c.campaign.id)));
  const members = (await readMemberFigures(db, campaigns.map((c) => c.campaign.id), o.now)).filter((m) => inScope(o.scope, m.storeId, m.advisorId));
  return { campaigns, members };
}

/** ROI and treated vs held-out per campaign, recall level, quadrant, program, store or churn reason (programs.md §12). */
export async function figuresByDimension(db: Db, members: readonly MemberFigures[], by: Dimension, lang: Lang): Promise<FiguresRow[]> {
  const [settings, catalogue] = await Promise.all([getRetentionSettings(db), getOfferCatalogue(db)]);
  return figuresBy(members, keyOf[by], settings, catalogue).map(({ key, figures }) => ({ key, ...figures, verdict: describeUplift(figures.uplift, lang) }));
}

export async function totalFigures(db: Db, members: readonly MemberFigures[], lang: Lang): Promise<FiguresRow> {
  const [settings, catalogue] = await Promise.all([getRetentionSettings(db), getOfferCatalogue(db)]);
  const figures = aggregateFigures(members, settings, catalogue);
  return { key: 'total', ...figures, verdict: describeUplift(figures.uplift, lang) };
}

export interface RecallBoard {
  campaigns: { id: string; name: string; status: string; startsOn: string; endsOn: string; budget: number; total: FiguresRow; byLevel: FiguresRow[] }[];
  total: FiguresRow;
  byLevel: FiguresRow[];
  byReason: FiguresRow[];
  daily: DailyCalls[];
}

/**
 * The recall board (screens.md): per campaign and recall level — attempted, connected (rate),
 * recalled (rate), arrived, revenue, cost, ROI — daily calls, and treated vs held-out.
 */
export async function readCampaignRecallBoard(db: Db, o: { campaignIds?: string[]; scope: Scope; now: Date; lang: Lang }): Promise<RecallBoard> {
  const { campaigns, members } = await loadMembers(db, o);
  const perCampaign = [];
  for (const c of campaigns) {
    const mine = members.filter((m) => m.campaignId === c.campaign.id);
    perCampaign.push({
      id: c.campaign.id, name: c.campaign.name, status: c.status, startsOn: c.campaign.startsOn, endsOn: c.campaign.endsOn, budget: c.campaign.budget,
      total: await totalFigures(db, mine, o.lang), byLevel: await figuresByDimension(db, mine, 'level', o.lang),
    });
  }
  const scoped = o.scope.storeIds !== null || o.scope.advisorId !== null;
  return {
    campaigns: perCampaign,
    total: await totalFigures(db, members, o.lang),
    byLevel: await figuresByDimension(db, members, 'level', o.lang),
    byReason: await figuresByDimension(db, members, 'reason', o.lang),
    daily: await readDailyCalls(db, campaigns.map((c) => c.campaign.id), scoped ? members.map((m) => m.customerId) : undefined),
  };
}

/**
 * The program engine's own runs against its random hold-out, per program (programs.md §12):
 * the same figures as a campaign's, for the programs the settings hold out.
 */
export async function programFigures(db: Db, o: { scope: Scope; now: Date; lang: Lang }): Promise<FiguresRow[]> {
  const [settings, catalogue] = await Promise.all([getRetentionSettings(db), getOfferCatalogue(db)]);
  const outcomes = await readProgramOutcomes(db, o.scope, settings, o.now);
  return figuresBy(outcomes, (m) => m.programId, settings, catalogue).map(({ key, figures }) => ({ key, ...figures, verdict: describeUplift(figures.uplift, o.lang) }));
}

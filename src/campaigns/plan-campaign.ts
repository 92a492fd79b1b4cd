import type { ProgramDocument } from '../programs/program-schema.js';
import type { Campaign } from './campaign-schema.js';
import { defaultOffer, findOffer } from './choose-offer.js';
import { plannedContactCost } from './contact-cost.js';
import { isHeldOut } from './hold-out.js';
import type { Offer, OfferCatalogue } from './offer-schema.js';
import { inSegment, type Candidate, type Segment } from './segment.js';
import type { RetentionSettings } from './settings-schema.js';
import type { ChurnReasonOrUnknown } from './vocabulary.js';

export type Group = 'treated' | 'held_out';

export interface PlannedMember {
  candidate: Candidate;
  group: Group;
  programId: string;
  quadrant: string;
  offer: Offer | null;
  /** What the member's offer and contacts may cost at most (0 for the hold-out: it gets nothing). */
  reserved: number;
  /** The cost expected at the level's target recall rate. */
  expected: number;
}

export interface CampaignPlan {
  members: PlannedMember[];
  counts: { inSegment: number; alreadyTargeted: number; noProgram: number; overBudget: number; treated: number; heldOut: number };
  holdOutShare: number;
  seed: string;
  budget: number;
  /** Reserved for the treated members: never more than the budget. */
  committed: number;
  expectedCost: number;
}

export interface PlanInput {
  campaign: Campaign;
  candidates: readonly Candidate[];
  savedFilter?: Segment | null;
  /** Customers in another active campaign: never targeted twice. */
  activeElsewhere: ReadonlySet<string>;
  catalogue: OfferCatalogue;
  settings: RetentionSettings;
  programs: ProgramDocument;
}

/** Highest recall level first (level 1 is worth most), then last year's spend, then id: stable. */
const byPriority = (a: Candidate, b: Candidate) =>
  (a.recallLevel ?? 9) - (b.recallLevel ?? 9) || b.historicalAnnualSpend - a.historicalAnnualSpend || (a.customerId < b.customerId ? -1 : 1);

function programFor(campaign: Campaign, c: Candidate): string | null {
  if (campaign.program !== 'auto') return campaign.program;
  if (c.recallLevel !== null) return `recall_level_${c.recallLevel}`;
  return c.lifecycle === 'dormant' ? 'dormant_wakeup' : null;
}

function offerFor(campaign: Campaign, catalogue: OfferCatalogue, c: Candidate): Offer | null {
  if (campaign.offer === 'none') return null;
  if (campaign.offer !== 'default') return findOffer(catalogue, campaign.offer);
  return c.recallLevel === null ? null : defaultOffer(catalogue, c.recallLevel, c.churnReason as ChurnReasonOrUnknown);
}

/**
 * Who a campaign reaches and what it may cost, before it starts (issue items 1, 2, 4): the
 * segment, minus customers in another active campaign, in priority order; each drawn into the
 * hold-out by the seeded hash; admitted while the treated members' offers and contacts fit the
 * budget. The cut is a prefix of the priority order for both groups alike, so the hold-out
 * stays a random sample of the customers actually admitted.
 */
export function planCampaign(input: PlanInput): CampaignPlan {
  const { campaign, settings } = input;
  const share = campaign.holdOutShare ?? settings.holdOut.share;
  const seed = campaign.seed ?? settings.holdOut.seed;
  const programs = new Map(input.programs.programs.map((p) => [p.id, p]));
  const plan: CampaignPlan = {
    members: [], holdOutShare: share, seed, budget: campaign.budget, committed: 0, expectedCost: 0,
    counts: { inSegment: 0, alreadyTargeted: 0, noProgram: 0, overBudget: 0, treated: 0, heldOut: 0 },
  };
  const segmentOf = (c: Candidate) => inSegment(campaign.segment, c) && (!input.savedFilter || inSegment(input.savedFilter, c));
  let full = false;
  for (const c of input.candidates.filter(segmentOf).sort(byPriority)) {
    plan.counts.inSegment++;
    if (input.activeElsewhere.has(c.customerId)) {
      plan.counts.alreadyTargeted++;
      continue;
    }
    const programId = programFor(campaign, c);
    const program = programId === null ? undefined : programs.get(programId);
    if (!program) {
      plan.counts.noProgram++;
      continue;
    }
    const offer = offerFor(campaign, input.catalogue, c);
    const wouldCost = (offer?.unitCost ?? 0) + plannedContactCost(program, settings);
    if (full || plan.committed + wouldCost > campaign.budget + 1e-9) {
      full = true;
      plan.counts.overBudget++;
      continue;
    }
    const group: Group = isHeldOut(share, seed, campaign.id, c.customerId) ? 'held_out' : 'treated';
    const rate = settings.expectedRecall[String(c.recallLevel ?? 3) as '1' | '2' | '3'];
    const expected = group === 'treated' ? (offer?.unitCost ?? 0) * rate + (wouldCost - (offer?.unitCost ?? 0)) : 0;
    const reserved = group === 'treated' ? wouldCost : 0;
    plan.committed += reserved;
    plan.expectedCost += expected;
    plan.counts[group === 'treated' ? 'treated' : 'heldOut']++;
    plan.members.push({ candidate: c, group, programId: program.id, quadrant: `${c.historicalValueTier}_${c.recency}`, offer, reserved, expected });
  }
  return plan;
}

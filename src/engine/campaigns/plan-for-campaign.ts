import { EVERYTHING, type Scope } from '../../auth/scope.js';
import { planCampaign, type CampaignPlan } from '../../campaigns/plan-campaign.js';
import type { Db } from '../../store/db.js';
import { customersInActiveCampaigns, loadCandidates } from '../../store/campaign-candidates.js';
import { getSavedFilter, type CampaignRecord } from '../../store/campaign-records.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { getOfferCatalogue } from '../../store/offer-catalogue.js';
import { getActivePolicy } from '../active-policy.js';
import { getActivePrograms } from '../programs/active-programs.js';

/**
 * The plan of a stored campaign against the evaluations as of `asOf` (the latest when omitted):
 * what preview shows and launch carries out. The hold-out share and seed are the campaign's as
 * stored, so a preview and the launch after it draw the same groups.
 */
export async function planStoredCampaign(db: Db, record: CampaignRecord, o: { asOf?: string; scope?: Scope } = {}): Promise<CampaignPlan> {
  const c = record.campaign;
  const policy = await getActivePolicy(db);
  const onlyRecall = c.program === 'auto' && (c.segment.lifecycles === undefined || c.segment.lifecycles.every((l) => l === 'lost' || l === 'dormant'));
  const [candidates, activeElsewhere, settings, catalogue, programs, savedFilter] = await Promise.all([
    loadCandidates(db, { scope: o.scope ?? EVERYTHING, policy, onlyRecall, ...(o.asOf ? { asOf: o.asOf } : {}) }),
    customersInActiveCampaigns(db, c.id),
    getRetentionSettings(db),
    getOfferCatalogue(db),
    getActivePrograms(db),
    c.segment.savedFilterId ? getSavedFilter(db, c.segment.savedFilterId) : Promise.resolve(null),
  ]);
  return planCampaign({
    campaign: { ...c, holdOutShare: record.holdOutShare, seed: record.seed },
    candidates, activeElsewhere, catalogue, settings, programs, savedFilter,
  });
}

import { defaultOffer, findOffer } from '../../campaigns/choose-offer.js';
import { churnReasons, recallLevels, type ChurnReasonOrUnknown, type RecallLevel } from '../../campaigns/vocabulary.js';
import type { Lang } from '../../scripts/vocabulary.js';
import type { Db } from '../../store/db.js';
import { getOfferCatalogue } from '../../store/offer-catalogue.js';

export interface GrantedOffer {
  grantId: number;
  campaignId: string;
  offerId: string;
  name: string;
  status: 'granted' | 'pending_approval';
  validUntil: string;
}

export interface SuggestedOffer {
  reason: ChurnReasonOrUnknown;
  offerId: string;
  name: string;
  kind: string;
  validDays: number;
  /** The offer of the churn reason the script follows: the one to make first. */
  fits: boolean;
}

export interface CustomerOffers {
  recallLevel: RecallLevel | null;
  reason: ChurnReasonOrUnknown;
  granted: GrantedOffer[];
  suggested: SuggestedOffer[];
}

const REASONS: readonly ChurnReasonOrUnknown[] = [...churnReasons, 'unknown'];

/**
 * The offers that apply to one customer today (programs.md §8): what was granted or is waiting for
 * approval and still valid, and the catalogue's default of the customer's recall level for each
 * churn reason — the one for `reason` first. A customer without a recall level (not dormant or
 * lost) has no default: offers then come only from a campaign's grant.
 */
export async function loadCustomerOffers(db: Db, customerId: string, reason: string, now: Date, lang: Lang): Promise<CustomerOffers> {
  const catalogue = await getOfferCatalogue(db);
  // "Today" and "the latest evaluation" in the customer's store time zone, as scripts read them.
  const grants = await db.query<{ id: number; campaign_id: string; offer_id: string; status: GrantedOffer['status']; valid_until: string }>(
    `SELECT g.id, g.campaign_id, g.offer_id, g.status, g.valid_until
       FROM offer_grants g JOIN customers c ON c.id = g.customer_id JOIN stores s ON s.id = c.store_id
      WHERE g.customer_id = $1 AND g.status IN ('granted', 'pending_approval')
        AND g.valid_until >= ($2::timestamptz AT TIME ZONE s.time_zone)::date
      ORDER BY g.created_at DESC, g.id DESC`,
    [customerId, now],
  );
  const [latest] = await db.query<{ level: string | null }>(
    `SELECT e.record->'recall'->>'level' AS level
       FROM evaluations e JOIN customers c ON c.id = e.customer_id JOIN stores s ON s.id = c.store_id
      WHERE e.customer_id = $1 AND e.as_of <= ($2::timestamptz AT TIME ZONE s.time_zone)::date
      ORDER BY e.as_of DESC LIMIT 1`,
    [customerId, now],
  );
  const recallLevel = recallLevels.find((l) => String(l) === latest?.level) ?? null;
  const followed = REASONS.find((r) => r === reason) ?? 'unknown';
  const nameOf = (offerId: string) => findOffer(catalogue, offerId)?.name[lang] ?? offerId;
  const suggested = recallLevel === null ? [] : [followed, ...REASONS.filter((r) => r !== followed)].flatMap((r) => {
    const offer = defaultOffer(catalogue, recallLevel, r);
    return offer ? [{ reason: r, offerId: offer.id, name: offer.name[lang], kind: offer.kind, validDays: offer.validDays, fits: r === followed }] : [];
  });
  return {
    recallLevel,
    reason: followed,
    granted: grants.map((g) => ({
      grantId: Number(g.id), campaignId: g.campaign_id, offerId: g.offer_id, name: nameOf(g.offer_id), status: g.status, validUntil: g.valid_until,
    })),
    suggested,
  };
}

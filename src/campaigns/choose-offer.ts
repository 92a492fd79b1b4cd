import type { Offer, OfferCatalogue } from './offer-schema.js';
import type { ChurnReasonOrUnknown, RecallLevel } from './vocabulary.js';

/** The default offer for a recall level and churn reason (programs.md §8); null when it is inactive. */
export function defaultOffer(catalogue: OfferCatalogue, level: RecallLevel, reason: ChurnReasonOrUnknown): Offer | null {
  const id = catalogue.defaults[String(level) as '1' | '2' | '3'][reason];
  const offer = catalogue.offers.find((o) => o.id === id);
  return offer && offer.active ? offer : null;
}

export function findOffer(catalogue: OfferCatalogue, id: string): Offer | null {
  return catalogue.offers.find((o) => o.id === id) ?? null;
}

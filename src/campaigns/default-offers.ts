import { deepFreeze } from '../domain/deep-freeze.js';
import raw from './default-offers.json' with { type: 'json' };
import { catalogueSchema, type OfferCatalogue } from './offer-schema.js';

const shipped: OfferCatalogue = deepFreeze(catalogueSchema.parse(raw));

/**
 * The shipped catalogue: programs.md §8's example offers per recall level, costed inside each
 * level's budget per customer (¥100–200, ¥40–80, ¥20–40), the default following the churn
 * reason (price → money off, convenience → pick-up, service → a free visit, passive → a small
 * reason to book).
 */
export function defaultCatalogue(): OfferCatalogue {
  return shipped;
}

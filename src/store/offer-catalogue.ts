import { defaultCatalogue } from '../campaigns/default-offers.js';
import { catalogueSchema, type OfferCatalogue } from '../campaigns/offer-schema.js';
import type { Db } from './db.js';
import { DEFAULT_ORGANISATION } from './write-stores.js';

/** The offer catalogue in force: the stored one, else the shipped one. */
export async function getOfferCatalogue(db: Db): Promise<OfferCatalogue> {
  return (await readOfferCatalogue(db)).catalogue;
}

/** The catalogue in force with who saved it and when (both null while the shipped one applies), for the settings page. */
export async function readOfferCatalogue(db: Db): Promise<{ catalogue: OfferCatalogue; changedAt: Date | null; changedBy: string | null }> {
  const [row] = await db.query<{ document: unknown; changed_at: Date | string; changed_by: string | null }>(
    'SELECT document, changed_at, changed_by FROM offer_catalogues WHERE organisation_id = $1', [DEFAULT_ORGANISATION]);
  if (!row) return { catalogue: defaultCatalogue(), changedAt: null, changedBy: null };
  return { catalogue: catalogueSchema.parse(row.document), changedAt: new Date(row.changed_at), changedBy: row.changed_by };
}

export async function saveOfferCatalogue(db: Db, catalogue: OfferCatalogue, now: Date, by?: string): Promise<void> {
  const doc = catalogueSchema.parse(catalogue);
  await db.query(
    `INSERT INTO offer_catalogues (organisation_id, document, changed_at, changed_by) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (organisation_id) DO UPDATE SET document = excluded.document, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    [DEFAULT_ORGANISATION, JSON.stringify(doc), now, by ?? null],
  );
}

import { formatDay, parseDay } from '../domain/dates.js';
import type { CustomerEvaluation } from '../domain/evaluation.js';
import type { Customer, Staff, Store } from '../domain/records.js';
import { defaultOffer, findOffer } from '../campaigns/choose-offer.js';
import type { MessageLinks } from '../campaigns/settings-schema.js';
import { buildContext } from '../scripts/build-context.js';
import type { Fact } from '../programs/types.js';
import type { ScriptContext } from '../scripts/render.js';
import { getRetentionSettings } from '../store/campaign-settings.js';
import type { Db } from '../store/db.js';
import { getOfferCatalogue } from '../store/offer-catalogue.js';
import { readCurrentNoteTexts } from '../store/read-notes.js';
import { loadFacts } from './load-facts.js';
import { loadCustomerContext, type CustomerContext } from './programs/customer-context.js';
import { localDate } from './programs/store-time.js';

/** What a script for one customer is filled from, and what the screens show beside it. */
export interface ScriptSubject {
  asOf: string;
  customer: Customer;
  store: Store;
  advisor: Staff | null;
  outreach: CustomerContext;
  /** The newest stored evaluation (null before the first). */
  evaluation: { asOf: string; record: CustomerEvaluation } | null;
  context: ScriptContext;
  /** The store's links (retention settings); which one a message carries depends on its purpose. */
  links: MessageLinks;
}

type Offer = NonNullable<Parameters<typeof buildContext>[0]['offer']>;

/**
 * The offer a script names: one granted to the customer and still valid (with its own deadline),
 * else the default offer of the customer's recall level and churn reason (programs.md §8) as it
 * would run from today. Else none, and the script shows the "to fill" placeholder.
 */
async function offerFor(db: Db, customerId: string, asOf: string, recallLevel: 1 | 2 | 3 | null, churnReason: string | null): Promise<Offer | null> {
  const catalogue = await getOfferCatalogue(db);
  const [grant] = await db.query<{ offer_id: string; valid_until: string }>(
    `SELECT offer_id, valid_until FROM offer_grants WHERE customer_id = $1 AND status = 'granted' AND valid_until >= $2::date
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [customerId, asOf],
  );
  const granted = grant ? findOffer(catalogue, grant.offer_id) : null;
  if (grant && granted) return { text: granted.name, deadline: grant.valid_until };
  if (recallLevel === null) return null;
  const reason = (['price', 'convenience', 'service', 'passive'] as const).find((r) => r === churnReason) ?? 'unknown';
  const offer = defaultOffer(catalogue, recallLevel, reason);
  return offer ? { text: offer.name, deadline: formatDay(parseDay(asOf) + offer.validDays) } : null;
}

/**
 * Loads everything a script needs about one customer at `now` (the caller is who speaks, if not
 * the advisor; `moment` the facts of the run the work belongs to).
 */
export async function loadScriptSubject(db: Db, customerId: string, now: Date, callerId?: string | null, moment?: Record<string, Fact>): Promise<ScriptSubject> {
  const outreach = await loadCustomerContext(db, customerId);
  const asOf = localDate(now, outreach.timeZone);
  const [facts] = await loadFacts(db, [customerId], parseDay(asOf));
  if (!facts) throw new Error(`unknown customer "${customerId}"`);
  const [row] = await db.query<{ as_of: string; record: CustomerEvaluation | string }>(
    'SELECT as_of, record FROM evaluations WHERE customer_id = $1 AND as_of <= $2::date ORDER BY as_of DESC LIMIT 1', [customerId, asOf],
  );
  const evaluation = row ? { asOf: row.as_of, record: typeof row.record === 'string' ? (JSON.parse(row.record) as CustomerEvaluation) : row.record } : null;
  const store = outreach.stores.find((s) => s.id === outreach.storeId)!;
  const advisor = outreach.staff.find((s) => s.id === facts.customer.advisorId) ?? null;
  const caller = callerId ? (outreach.staff.find((s) => s.id === callerId) ?? null) : null;
  const offer = await offerFor(db, customerId, asOf, evaluation?.record.recall.level ?? null, outreach.churnReason);
  const context = buildContext({
    asOf, customer: facts.customer, store, advisor, caller: caller ?? advisor, vehicles: facts.vehicles, events: facts.events,
    maintenanceDue: evaluation?.record.features.maintenanceDue ?? null, offer, moment: moment ?? null,
    // So the next call continues the last one (§13); templates may not name these fields.
    notes: await readCurrentNoteTexts(db, customerId, now),
  });
  const { links } = await getRetentionSettings(db);
  return { asOf, customer: facts.customer, store, advisor, outreach, evaluation, context, links };
}

import { copyField } from '../store/copy-text.js';
import { copyUpsert } from '../store/copy-upsert.js';
import type { Db } from '../store/db.js';
import type { Snapshot } from './snapshot.js';

/** What of a snapshot is stored. */
export type StoredSnapshot = Pick<Snapshot, 'customerId' | 'storeId' | 'level' | 'riskScore' | 'healthScore' | 'record' | 'listing'>;

const COLUMNS = ['customer_id', 'as_of', 'store_id', 'policy_version', 'level', 'risk_score', 'health_score', 'record', 'evaluated_at'] as const;

const UPSERT = `ON CONFLICT (customer_id, as_of) DO UPDATE SET
         store_id = excluded.store_id, policy_version = excluded.policy_version, level = excluded.level,
         risk_score = excluded.risk_score, health_score = excluded.health_score,
         record = excluded.record, evaluated_at = excluded.evaluated_at`;

const CURRENT = [
  'customer_id', 'as_of', 'urgency', 'level', 'risk_score', 'health_score', 'health_tier', 'value_tier', 'lifecycle',
  'care_tier', 'care_status', 'recall_level', 'churn_probability', 'days_since_visit', 'last_satisfaction', 'last_nps',
  'p_alive', 'clv', 'network_model', 'signal_ids', 'rule_ids', 'reason',
] as const;

/** A day older than the one stored (a month end scored afterwards) leaves the current row alone. */
const CURRENT_UPSERT = `ON CONFLICT (customer_id) DO UPDATE SET
         ${CURRENT.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}
       WHERE current_evaluations.as_of <= excluded.as_of`;

const URGENCY = { red: 1, orange: 2, yellow: 3, green: 4 } as const;

/** Up to this many snapshots go in as array parameters: one round trip. */
const DIRECT_UP_TO = 16;

/**
 * Stores one snapshot per customer per day (re-evaluating the same day replaces it) and makes
 * each the customer's current evaluation unless a later day's is stored. A few (an event's
 * re-evaluation) go in as array parameters, where round trips cost more than escaping; many by
 * COPY, as array parameters made the driver escape every ~1.3 KB record (70 µs of this thread
 * per customer).
 */
export async function saveEvaluations(db: Db, asOf: string, policyVersion: string, snapshots: readonly StoredSnapshot[], now: Date): Promise<void> {
  if (snapshots.length === 0) return;
  if (snapshots.length <= DIRECT_UP_TO) {
    const column = <K extends keyof StoredSnapshot>(k: K) => snapshots.map((s) => s[k]);
    const listing = <K extends keyof Snapshot['listing']>(k: K) => snapshots.map((s) => s.listing[k]);
    await db.query(
      `WITH u AS (
         SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::text[], $10::text[], $11::text[],
                              $12::text[], $13::text[], $14::text[], $15::smallint[], $16::numeric[], $17::smallint[],
                              $18::int[], $19::numeric[], $20::numeric[], $21::numeric[], $22::numeric[], $23::boolean[],
                              $24::text[], $25::text[], $26::text[])
           AS u(customer_id, store_id, level, risk_score, health_score, record, health_tier, value_tier, lifecycle,
                care_tier, care_status, recall_level, churn_probability, urgency, days_since_visit, last_satisfaction,
                last_nps, p_alive, clv, network_model, signal_ids, rule_ids, reason)),
       saved AS (
         INSERT INTO evaluations (${COLUMNS.join(', ')})
         SELECT u.customer_id, $1::date, u.store_id, $2, u.level, u.risk_score, u.health_score, u.record::json, $3 FROM u
         ${UPSERT})
       INSERT INTO current_evaluations (${CURRENT.join(', ')})
       SELECT u.customer_id, $1::date, u.urgency, u.level, u.risk_score,
              u.health_score, u.health_tier, u.value_tier, u.lifecycle, u.care_tier, u.care_status, u.recall_level, u.churn_probability,
              u.days_since_visit, u.last_satisfaction, u.last_nps, u.p_alive, u.clv, u.network_model, u.signal_ids::json,
              u.rule_ids::json, u.reason
         FROM u
       ${CURRENT_UPSERT}`,
      [
        asOf, policyVersion, now, column('customerId'), column('storeId'), column('level'), column('riskScore'), column('healthScore'),
        column('record'), listing('healthTier'), listing('valueTier'), listing('lifecycle'), listing('careTier'), listing('careStatus'),
        listing('recallLevel'), listing('churnProbability'), snapshots.map((s) => URGENCY[s.level]), listing('daysSinceVisit'),
        listing('lastSatisfaction'), listing('lastNps'), listing('pAlive'), listing('clv'), listing('networkModel'),
        snapshots.map((s) => JSON.stringify(s.listing.signalIds)), snapshots.map((s) => JSON.stringify(s.listing.ruleIds)), listing('reason'),
      ],
    );
    return;
  }
  const tail = `\t${copyField(policyVersion)}`;
  const at = now.toISOString();
  let rows = '';
  let current = '';
  for (const s of snapshots) {
    const id = copyField(s.customerId);
    rows += `${id}\t${asOf}\t${copyField(s.storeId)}${tail}\t${s.level}\t${s.riskScore}\t${s.healthScore}\t${copyField(s.record)}\t${at}\n`;
    const l = s.listing;
    current += `${id}\t${asOf}\t${URGENCY[s.level]}\t${s.level}\t${s.riskScore}\t${s.healthScore}\t${l.healthTier}\t${l.valueTier}\t${l.lifecycle}`
      + `\t${l.careTier ?? '\\N'}\t${l.careStatus ?? '\\N'}\t${l.recallLevel ?? '\\N'}\t${l.churnProbability ?? '\\N'}`
      + `\t${l.daysSinceVisit}\t${l.lastSatisfaction ?? '\\N'}\t${l.lastNps ?? '\\N'}\t${l.pAlive ?? '\\N'}\t${l.clv ?? '\\N'}`
      + `\t${l.networkModel}\t${copyField(JSON.stringify(l.signalIds))}\t${copyField(JSON.stringify(l.ruleIds))}\t${l.reason === null ? '\\N' : copyField(l.reason)}\n`;
  }
  await copyUpsert(db, 'evaluations', COLUMNS, rows, UPSERT);
  await copyUpsert(db, 'current_evaluations', CURRENT, current, CURRENT_UPSERT);
}

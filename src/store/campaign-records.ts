import { campaignSchema, type Campaign } from '../campaigns/campaign-schema.js';
import { segmentSchema, type Segment } from '../campaigns/segment.js';
import type { Db } from './db.js';

export type CampaignStatus = 'draft' | 'active' | 'finished' | 'cancelled';

export interface CampaignRecord {
  campaign: Campaign;
  status: CampaignStatus;
  holdOutShare: number;
  seed: string;
  attributionDays: number;
  selectedAsOf: string | null;
  createdAt: Date;
  launchedAt: Date | null;
  finishedAt: Date | null;
}

interface Row {
  document: unknown; status: CampaignStatus; hold_out_share: number; seed: string; attribution_days: number;
  selected_as_of: string | null; created_at: Date; launched_at: Date | null; finished_at: Date | null;
}

const SELECT = 'SELECT document, status, hold_out_share, seed, attribution_days, selected_as_of, created_at, launched_at, finished_at FROM campaigns';
const toRecord = (r: Row): CampaignRecord => ({
  campaign: campaignSchema.parse(r.document), status: r.status, holdOutShare: r.hold_out_share, seed: r.seed,
  attributionDays: r.attribution_days, selectedAsOf: r.selected_as_of, createdAt: r.created_at, launchedAt: r.launched_at, finishedAt: r.finished_at,
});

/** Stores a new draft with the settings' defaults filled in; false when the id is taken. */
export async function insertCampaign(
  db: Db, c: Campaign, resolved: { holdOutShare: number; seed: string; attributionDays: number }, now: Date, by?: string,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO campaigns (id, name, document, budget, starts_on, ends_on, owner_id, hold_out_share, seed, attribution_days, status, created_at, created_by)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [c.id, c.name, JSON.stringify(c), c.budget, c.startsOn, c.endsOn, c.ownerId, resolved.holdOutShare, resolved.seed, resolved.attributionDays, now, by ?? null],
  );
  return rows.length > 0;
}

export async function getCampaign(db: Db, id: string, lock = false): Promise<CampaignRecord | null> {
  const [row] = await db.query<Row>(`${SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toRecord(row) : null;
}

export async function listCampaigns(db: Db, status?: CampaignStatus): Promise<CampaignRecord[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE $1::text IS NULL OR status = $1 ORDER BY starts_on DESC, id`, [status ?? null]);
  return rows.map(toRecord);
}

export async function setCampaignStatus(db: Db, id: string, status: CampaignStatus, at: Date, selectedAsOf?: string): Promise<void> {
  const column = status === 'active' ? 'launched_at' : 'finished_at';
  await db.query(`UPDATE campaigns SET status = $2, ${column} = $3, selected_as_of = coalesce($4::date, selected_as_of) WHERE id = $1`, [id, status, at, selectedAsOf ?? null]);
  // A campaign that is over no longer holds its customers: another may target them.
  if (status !== 'active') await db.query('UPDATE campaign_members SET active = false WHERE campaign_id = $1 AND active', [id]);
}

export async function saveFilter(db: Db, f: { id: string; name: string; segment: Segment }, now: Date, by?: string): Promise<void> {
  await db.query(
    `INSERT INTO saved_filters (id, name, segment, created_at, created_by) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, segment = excluded.segment`,
    [f.id, f.name, JSON.stringify(segmentSchema.parse(f.segment)), now, by ?? null],
  );
}

export async function getSavedFilter(db: Db, id: string): Promise<Segment | null> {
  const [row] = await db.query<{ segment: unknown }>('SELECT segment FROM saved_filters WHERE id = $1', [id]);
  return row ? segmentSchema.parse(row.segment) : null;
}

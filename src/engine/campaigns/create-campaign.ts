import { campaignSchema, type Campaign } from '../../campaigns/campaign-schema.js';
import type { Db } from '../../store/db.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import { getCampaign, getSavedFilter, insertCampaign, type CampaignRecord } from '../../store/campaign-records.js';
import { getActivePrograms } from '../programs/active-programs.js';

export interface FieldError {
  field: string;
  reason: string;
}

export type CreateResult = { ok: true; record: CampaignRecord } | { ok: false; errors: FieldError[] };

/** What the schema cannot know: the owner, the saved filter and the program exist; the id is free. */
async function checkReferences(db: Db, c: Campaign): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const [owner] = await db.query('SELECT 1 FROM staff WHERE id = $1', [c.ownerId]);
  if (!owner) errors.push({ field: 'ownerId', reason: `unknown staff member "${c.ownerId}"` });
  if (c.segment.savedFilterId && !(await getSavedFilter(db, c.segment.savedFilterId))) {
    errors.push({ field: 'segment.savedFilterId', reason: `unknown saved filter "${c.segment.savedFilterId}"` });
  }
  if (c.program !== 'auto' && !(await getActivePrograms(db)).programs.some((p) => p.id === c.program)) {
    errors.push({ field: 'program', reason: `unknown program "${c.program}"` });
  }
  const stores = c.segment.storeIds;
  if (stores) {
    const known = new Set((await db.query<{ id: string }>('SELECT id FROM stores WHERE id = ANY($1::text[])', [stores])).map((r) => r.id));
    stores.filter((s) => !known.has(s)).forEach((s) => errors.push({ field: 'segment.storeIds', reason: `unknown store "${s}"` }));
  }
  return errors;
}

/** Validates a campaign document and stores it as a draft, the settings' defaults filled in. */
export async function createCampaign(db: Db, input: unknown, now: Date, by?: string): Promise<CreateResult> {
  const parsed = campaignSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), reason: i.message })) };
  }
  const c = parsed.data;
  const errors = await checkReferences(db, c);
  if (errors.length > 0) return { ok: false, errors };
  const settings = await getRetentionSettings(db);
  const resolved = {
    holdOutShare: c.holdOutShare ?? settings.holdOut.share,
    seed: c.seed ?? settings.holdOut.seed,
    attributionDays: c.attributionDays ?? settings.attributionDays,
  };
  if (!(await insertCampaign(db, c, resolved, now, by))) return { ok: false, errors: [{ field: 'id', reason: `a campaign "${c.id}" exists already` }] };
  return { ok: true, record: (await getCampaign(db, c.id))! };
}

import { defaultSettings } from '../campaigns/default-settings.js';
import { settingsSchema, type RetentionSettings } from '../campaigns/settings-schema.js';
import type { Db } from './db.js';
import { DEFAULT_ORGANISATION } from './write-stores.js';

/** The retention settings in force (costs, attribution, hold-out, limits, rewards): stored, else the shipped ones. */
export async function getRetentionSettings(db: Db): Promise<RetentionSettings> {
  return (await readRetentionSettings(db)).settings;
}

/** The settings in force with who saved them and when (both null while the shipped ones apply), for the settings page. */
export async function readRetentionSettings(db: Db): Promise<{ settings: RetentionSettings; changedAt: Date | null; changedBy: string | null }> {
  const [row] = await db.query<{ document: unknown; changed_at: Date | string; changed_by: string | null }>(
    'SELECT document, changed_at, changed_by FROM retention_settings WHERE organisation_id = $1', [DEFAULT_ORGANISATION]);
  if (!row) return { settings: defaultSettings(), changedAt: null, changedBy: null };
  // Parsed again: a document stored by an older release takes the defaults of fields added since
  // (`links`), and one that no longer fits is refused rather than half-read.
  return { settings: settingsSchema.parse(row.document), changedAt: new Date(row.changed_at), changedBy: row.changed_by };
}

export async function saveRetentionSettings(db: Db, settings: RetentionSettings, now: Date, by?: string): Promise<void> {
  const doc = settingsSchema.parse(settings);
  await db.query(
    `INSERT INTO retention_settings (organisation_id, document, changed_at, changed_by) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (organisation_id) DO UPDATE SET document = excluded.document, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    [DEFAULT_ORGANISATION, JSON.stringify(doc), now, by ?? null],
  );
}

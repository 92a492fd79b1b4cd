import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { defaultSettings } from '../campaigns/default-settings.js';
import { getRetentionSettings, saveRetentionSettings } from './campaign-settings.js';
import { DEFAULT_ORGANISATION } from './write-stores.js';

describeEachDatabase('the stored retention settings', (t) => {
  it('a document stored before links existed still loads, with no link set', async () => {
    const db = await t.open();
    const older: Record<string, unknown> = { ...defaultSettings(), attributionDays: 60 };
    delete older.links;
    await db.query('INSERT INTO retention_settings (organisation_id, document, changed_at) VALUES ($1, $2::jsonb, $3)', [DEFAULT_ORGANISATION, JSON.stringify(older), new Date()]);
    expect(await getRetentionSettings(db)).toEqual({ ...defaultSettings(), attributionDays: 60, links: { survey: null, booking: null } });
  });

  it('links are saved and read back; a bad one is refused before it is stored', async () => {
    const db = await t.open();
    const links = { survey: 'https://retain.example/r/survey', booking: null };
    await saveRetentionSettings(db, { ...defaultSettings(), links }, new Date());
    expect((await getRetentionSettings(db)).links).toEqual(links);
    await expect(saveRetentionSettings(db, { ...defaultSettings(), links: { survey: 'ftp://retain.example/s', booking: null } }, new Date())).rejects.toThrow(/must be an http\(s\) URL/);
    expect((await getRetentionSettings(db)).links).toEqual(links);
  });
});

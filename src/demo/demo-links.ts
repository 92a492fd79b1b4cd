import type { MessageLinks } from '../campaigns/settings-schema.js';
import { getRetentionSettings, saveRetentionSettings } from '../store/campaign-settings.js';
import type { Db } from '../store/db.js';

/**
 * The demo store's survey and booking pages, on a reserved example domain (RFC 2606): without a
 * survey link every rating request of the demo would wait in the outbox for a person.
 */
export const DEMO_LINKS: MessageLinks = {
  survey: 'https://retain.example/r/survey',
  booking: 'https://retain.example/r/book',
};

/** Sets the demo's links unless the store has set links of its own. */
export async function setDemoLinks(db: Db, now: Date): Promise<void> {
  const settings = await getRetentionSettings(db);
  if (settings.links.survey !== null || settings.links.booking !== null) return;
  await saveRetentionSettings(db, { ...settings, links: DEMO_LINKS }, now);
}

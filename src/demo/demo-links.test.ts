import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { defaultSettings } from '../campaigns/default-settings.js';
import { getRetentionSettings, saveRetentionSettings } from '../store/campaign-settings.js';
import { setDemoLinks } from './demo-links.js';

const now = new Date('2025-11-24T10:00:00+08:00');

describeEachDatabase('the demo store\'s links', (t) => {
  it('are the example pages, so the demo\'s rating requests go out', async () => {
    const db = await t.open();
    await setDemoLinks(db, now);
    expect(await getRetentionSettings(db)).toEqual({ ...defaultSettings(), links: { survey: 'https://retain.example/r/survey', booking: 'https://retain.example/r/book' } });
  });

  it('never replace links the store has set', async () => {
    const db = await t.open();
    const own = { survey: null, booking: 'https://book.example.cn/sh-01' };
    await saveRetentionSettings(db, { ...defaultSettings(), links: own }, now);
    await setDemoLinks(db, now);
    expect((await getRetentionSettings(db)).links).toEqual(own);
  });
});

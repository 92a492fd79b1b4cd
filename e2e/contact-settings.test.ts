import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, PHONE, phoneScreenshot, screenshot, signIn, useHarness } from './harness.js';

/**
 * The contact rules (联系规则) in Settings, in headless Chromium: an admin reads the shipped quiet
 * hours, is refused a bad time by its field path, saves new quiet hours as a version and finds them
 * in force with who saved them after a reload; a retention specialist only reads. Screenshots at
 * desktop (1280 px) and phone (390 px) width.
 */
const h = useHarness();

const quietHours = (page: Page) => page.getByTestId('contact-quiet-hours').textContent();

/** Rewrites the JSON draft's quiet hours (the draft is pretty-printed by the editor). */
async function setQuietHours(page: Page, start: string, end: string): Promise<void> {
  const json = page.getByTestId('contact-json');
  const text = await json.inputValue();
  await json.fill(text.replace(/"start": "[^"]*"/, `"start": "${start}"`).replace(/"end": "[^"]*"/, `"end": "${end}"`));
}

describe('web app: contact rules', () => {
  it('an admin saves quiet hours 20:00–08:00 as a new version, sees it in force with who after a reload; a bad time is refused by its path', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, 'admin');
    await page.goto('/settings');
    await page.getByRole('tab', { name: '联系规则' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings/contact');
    await expect.poll(() => quietHours(page)).toContain('21:00–09:00');
    expect(await page.getByTestId('contact-descriptions').textContent()).toContain('退订');

    await page.getByText('以 JSON 编辑整个文档').click();
    await setQuietHours(page, '25:00', '08:00');
    await page.getByTestId('save-document').click();
    await page.getByTestId('field-errors').getByText('document.quietHours.start').waitFor();
    expect((await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_policies'))[0]!.n).toBe(0);

    await setQuietHours(page, '20:00', '08:00');
    await page.getByTestId('draft-version').fill('contact-e2e-2');
    await page.getByTestId('save-document').click();
    await page.getByTestId('versions-table').getByText('contact-e2e-2').waitFor();
    await page.reload();
    await expect.poll(() => quietHours(page)).toContain('20:00–08:00');
    expect(await page.getByTestId('version-in-force').textContent()).toContain('contact-e2e-2');
    expect(await page.getByTestId('versions-table').locator('tbody tr.ant-table-row').first().textContent()).toContain('admin');
    const [stored] = await h.db.query<{ start: string; created_by: string; active: string }>(
      `SELECT p.document->'quietHours'->>'start' AS start, p.created_by, a.version AS active
         FROM contact_policies p JOIN active_contact_policy a ON a.version = p.version`,
    );
    expect(stored).toEqual({ start: '20:00', created_by: 'admin', active: 'contact-e2e-2' });
    await screenshot(page, 'settings-contact');
    await context.close();

    expect(await phoneScreenshot(h, 'admin', '/settings/contact', 'contact-descriptions', 'settings-contact'), 'settings contact').toBeLessThanOrEqual(PHONE.width);
  });

  it('a retention specialist reads the contact rules but cannot save', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, 'sh-01-rs');
    await page.goto('/settings/contact');
    await page.getByTestId('contact-descriptions').waitFor();
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('save-document').isDisabled()).toBe(true);
    await context.close();
  });
});

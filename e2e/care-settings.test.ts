import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, useHarness } from './harness.js';

/**
 * The care policy (关怀策略) in Settings, in headless Chromium: an admin changes the high-value
 * tier's contact interval in the form, is refused 0 days by its field path, saves 21 days as a new
 * policy version and finds it after a reload.
 */
const h = useHarness();

/** Ant Design puts the test id on the number input itself (or its wrapper, in other versions). */
const intervalOfHigh = (page: Page) =>
  page.locator('input[data-testid="care-interval-high"], [data-testid="care-interval-high"] input').first();
const versions = async () => (await h.db.query<{ version: string }>('SELECT version FROM policies ORDER BY version')).map((r) => r.version);

describe('web app: care policy', () => {
  it('an admin saves a 21-day contact interval for high-value customers as a new version; 0 days is refused by its field', async () => {
    const before = await versions();
    const { context, page } = await newPage(h);
    await signIn(page, 'admin');
    await page.goto('/settings');
    await page.getByRole('tab', { name: '关怀策略' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings/care');
    const high = intervalOfHigh(page);
    await expect.poll(() => high.inputValue()).toBe('30');
    expect(await page.getByTestId('care-holiday-list').textContent()).toContain('春节');

    await high.fill('0');
    await page.getByTestId('preview').click();
    await page.getByTestId('field-errors').getByText('care.tiers.high.intervalDays').waitFor();

    await high.fill('21');
    await page.getByTestId('draft-version').fill('care-e2e-2');
    await page.getByTestId('preview').click();
    await page.getByTestId('preview-result').waitFor();
    await screenshot(page, 'settings-care');
    await page.getByTestId('save-policy').click();
    await expect.poll(versions).toEqual([...before, 'care-e2e-2'].sort());
    const [saved] = await h.db.query<{ days: number }>(
      "SELECT (document->'care'->'tiers'->'high'->>'intervalDays')::int AS days FROM policies WHERE version = 'care-e2e-2'",
    );
    expect(saved!.days).toBe(21);

    await page.reload();
    await expect.poll(() => intervalOfHigh(page).inputValue()).toBe('21');
    await context.close();
  });
});

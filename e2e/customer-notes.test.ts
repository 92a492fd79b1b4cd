import { describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, useHarness } from './harness.js';

/**
 * Personal notes on customer 360, in headless Chromium: an advisor writes what the customer said,
 * the number typed into a note comes back masked, and after a reload the notes say who wrote them
 * with the earlier version kept in the history.
 */
const h = useHarness();
const ADVISOR = 'sh-01-sa1';

describe('web app: personal notes', () => {
  it('an advisor saves notes on customer 360; after a reload they show masked, with who wrote them and the history', async () => {
    const [customer] = await h.db.query<{ id: string }>('SELECT id FROM customers WHERE advisor_id = $1 ORDER BY id LIMIT 1', [ADVISOR]);
    const { context, page } = await newPage(h);
    await signIn(page, ADVISOR);
    await page.goto(`/customers/${customer!.id}`);
    const card = page.getByTestId('notes-card');
    await card.getByTestId('notes-edit').click();
    const field = (topic: string) => card.locator(`[data-testid$="-${topic}"]`).first();
    await field('drink').fill('冰美式');
    await field('open_question').fill('家里充电桩能不能装快充，回电 13812345678');
    await card.getByTestId('notes-save').click();
    await card.getByTestId('note-open_question').waitFor();

    await card.getByTestId('notes-edit').click();
    await field('drink').fill('热拿铁，少糖');
    await card.getByTestId('notes-save').click();
    await expect.poll(async () => (await h.db.query('SELECT 1 FROM customer_notes WHERE customer_id = $1', [customer!.id])).length).toBe(3);

    await page.reload();
    const question = (await card.getByTestId('note-open_question').textContent()) ?? '';
    expect(question).toContain('家里充电桩能不能装快充');
    expect(question).not.toContain('13812345678');
    expect(question).toMatch(/138\*{4}5678/);
    expect(await card.getByTestId('note-drink').textContent()).toContain('热拿铁，少糖');
    const [advisor] = await h.db.query<{ name: string }>('SELECT name FROM staff WHERE id = $1', [ADVISOR]);
    expect(await card.getByTestId('note-drink').textContent()).toContain(advisor!.name);
    await card.getByTestId('notes-history').click();
    await expect.poll(() => card.getByTestId('note-version').count()).toBe(3);
    expect(await card.getByTestId('notes-history').textContent()).toContain('冰美式');
    await screenshot(page, 'customer-360-notes');
    await context.close();
  });
});

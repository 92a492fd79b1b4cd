import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, newPage, pageWidth, PHONE, phoneScreenshot, screenshot, signIn, useHarness } from './harness.js';

/**
 * The configuration and team work of the web app in headless Chromium: programs previewed on a
 * customer and a refused draft, the script library saved as a new version, the scripts and offers
 * customer 360 shows without a task, the offers and budgets an admin edits, the team inbox and
 * reassigning a task — with screenshots of these screens at desktop (1280 px) and phone (390 px) width.
 */
const h = useHarness();

const MANAGER = 'sh-01-sm';
const SPECIALIST = 'sh-01-rs';
const ADVISOR = 'sh-01-sa1';

const nameOf = async (staffId: string) => (await h.db.query<{ name: string }>('SELECT name FROM staff WHERE id = $1', [staffId]))[0]!.name;
const WRITES = ['tasks', 'program_runs', 'program_steps', 'outbox_messages', 'program_documents'];
const countWrites = () => Promise.all(WRITES.map(async (t) => (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n));

/** A customer of `advisorId` with no open task at all. */
async function customerWithoutTask(advisorId: string): Promise<string> {
  const [row] = await h.db.query<{ id: string }>(
    `SELECT c.id FROM customers c
      WHERE c.advisor_id = $1 AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.customer_id = c.id AND t.status = 'open')
      ORDER BY c.id LIMIT 1`,
    [advisorId],
  );
  if (!row) throw new Error(`every customer of ${advisorId} has an open task`);
  return row.id;
}

/** A customer of `advisorId` in recall (dormant or lost): the catalogue then has a default offer per churn reason. */
async function customerInRecall(advisorId: string): Promise<string> {
  const [row] = await h.db.query<{ id: string }>(
    `SELECT c.id FROM customers c JOIN LATERAL (SELECT record FROM evaluations WHERE customer_id = c.id ORDER BY as_of DESC LIMIT 1) e ON true
      WHERE c.advisor_id = $1 AND (e.record->'recall'->>'level') IS NOT NULL ORDER BY c.id LIMIT 1`,
    [advisorId],
  );
  if (!row) throw new Error(`no customer of ${advisorId} is in recall`);
  return row.id;
}

describe('web app: programs, scripts, team work', () => {
  it('a manager previews a program on a customer (nothing is written) and sees a bad draft refused with its field paths', async () => {
    const [customer] = await h.db.query<{ id: string; advisor_id: string }>(
      `SELECT c.id, c.advisor_id FROM customers c JOIN LATERAL (SELECT level FROM evaluations WHERE customer_id = c.id ORDER BY as_of DESC LIMIT 1) e ON true
        WHERE c.store_id = 'sh-01' AND c.advisor_id IS NOT NULL AND e.level IN ('orange', 'red') ORDER BY c.id LIMIT 1`,
    );
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.getByTestId('nav').getByText('策略配置').click();
    await page.getByRole('tab', { name: '工作流程' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings/programs');
    const rows = page.getByTestId('programs-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('programs-table').textContent()).toContain('橙色预警顾问回访');
    // A step that waits for an event reads as such: the re-visit call 24 h after the complaint closes.
    await page.locator('tr[data-row-key="low_rating"] .ant-table-row-expand-icon').click();
    const lowRating = page.getByTestId('program-steps').filter({ hasText: 'revisit_call' });
    expect(await lowRating.locator('tr', { hasText: 'revisit_call' }).textContent()).toContain('投诉关闭后 24 小时');

    const before = await countWrites();
    await page.getByTestId('preview-program-early_warning_orange').click();
    await page.getByTestId('preview-customer').fill(customer!.id);
    await page.getByTestId('run-preview').click();
    const steps = page.getByTestId('preview-steps');
    await steps.locator('tbody tr.ant-table-row').first().waitFor();
    const first = (await steps.locator('tbody tr.ant-table-row').first().textContent()) ?? '';
    expect(first).toContain('orange_call');
    expect(first).toContain(await nameOf(customer!.advisor_id));
    expect(await countWrites()).toEqual(before);
    await screenshot(page, 'settings-programs-preview');

    // A step offset that is no duration: saving is refused, the field named by its path.
    await page.getByText('以 JSON 编辑整个文档').click();
    const json = page.getByTestId('programs-json');
    await json.fill((await json.inputValue()).replace('"offset": "PT0M"', '"offset": "soon"'));
    await page.getByTestId('save-document').click();
    const errors = page.getByTestId('field-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/document\.programs\.\d+\.steps\.\d+\.offset/);
    expect(await countWrites()).toEqual(before);
    await context.close();
  });

  it('a manager edits a script and saves the library as a new version (who and when); a retention specialist only reads', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto('/settings/scripts');
    await page.getByTestId('scripts-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('script-search').locator('input').fill('orange.opening');
    await page.getByTestId('open-script-orange.opening').click();
    const zh = page.getByTestId('entry-text-zh-CN');
    await zh.fill('{{customerName}}您好，我是{{advisorName}}，想听听您最近用车的感受。{{ofer}}');
    await page.getByTestId('apply-entry').click();
    await page.getByTestId('save-document').click();
    await page.getByTestId('field-errors').getByText(/document\.scripts\.\d+\.text\.zh-CN/).waitFor();

    await page.getByTestId('open-script-orange.opening').click();
    await zh.fill('{{customerName}}您好，我是{{advisorName}}，想听听您最近用车的感受。');
    await page.getByTestId('apply-entry').click();
    await page.getByTestId('draft-version').fill('scripts-e2e-2');
    await page.getByTestId('save-document').click();
    await page.getByTestId('versions-table').getByText('scripts-e2e-2').waitFor();
    expect(await page.getByTestId('versions-table').locator('tbody tr.ant-table-row').first().textContent()).toContain(MANAGER);
    const [stored] = await h.db.query<{ text: string; created_by: string }>(
      `SELECT s->'text'->>'zh-CN' AS text, l.created_by FROM script_libraries l, jsonb_array_elements(l.document->'scripts') s
        WHERE l.version = 'scripts-e2e-2' AND s->>'id' = 'orange.opening'`,
    );
    expect(stored).toEqual({ text: '{{customerName}}您好，我是{{advisorName}}，想听听您最近用车的感受。', created_by: MANAGER });
    await screenshot(page, 'settings-scripts');
    await page.getByRole('tab', { name: '消息模板' }).click();
    await page.getByTestId('templates-table').locator('tbody tr.ant-table-row').first().waitFor();
    await context.close();

    const specialist = await newPage(h);
    await signIn(specialist.page, SPECIALIST);
    await specialist.page.goto('/settings/programs');
    await specialist.page.getByTestId('read-only').waitFor();
    expect(await specialist.page.getByTestId('save-document').isDisabled()).toBe(true);
    await specialist.context.close();
  });

  it('an advisor sees the scripts and offers that fit a customer on customer 360, also without an open task', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, ADVISOR);
    const card = page.getByTestId('customer-scripts');
    await page.goto(`/customers/${await customerWithoutTask(ADVISOR)}`);
    await card.getByTestId('script-stage').first().waitFor();
    expect(await page.getByTestId('customer-tasks').count()).toBe(0);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(await nameOf(ADVISOR));
    expect(text).not.toMatch(/undefined|null|\{\{/);

    await page.goto(`/customers/${await customerInRecall(ADVISOR)}`);
    await card.getByTestId('script-stage').first().waitFor();
    const fits = card.locator('[data-testid="suggested-offer"][data-fits="true"]');
    expect(await fits.count()).toBe(1);
    // The offer the script's offer stage names is the one marked for the customer's churn reason.
    const offer = ((await fits.locator('strong').textContent()) ?? '').trim();
    expect(offer.length).toBeGreaterThan(0);
    expect(await card.getByTestId('script-stage').filter({ hasText: offer }).count()).toBeGreaterThan(0);
    await screenshot(page, 'customer-360-scripts');
    await context.close();
  });

  it("a manager finds an advisor's task in the team inbox and reassigns it to another advisor of the store", async () => {
    const advisorName = await nameOf(ADVISOR);
    const target = 'sh-01-sa2';
    const targetName = await nameOf(target);
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto('/inbox');
    await page.getByTestId('inbox-who').getByText('团队').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?who=team');
    const card = page.getByTestId('task-card').filter({ has: page.getByTestId('task-card-assignee').getByText(advisorName) }).first();
    await card.waitFor();
    const taskId = await card.getAttribute('data-task-id');
    const [task] = await h.db.query<{ assignee_id: string; status: string }>('SELECT assignee_id, status FROM tasks WHERE id = $1', [taskId]);
    expect(task).toEqual({ assignee_id: ADVISOR, status: 'open' });
    await screenshot(page, 'inbox-team');

    await card.click();
    await page.getByTestId('reassign').waitFor();
    await page.getByTestId('reassign-to').click();
    await page.locator('.ant-select-dropdown:visible').getByText(targetName, { exact: false }).first().click();
    await page.getByTestId('reassign-submit').click();
    await expect.poll(() => page.getByTestId('task-assignee').textContent()).toBe(targetName);
    const [moved] = await h.db.query<{ assignee_id: string }>('SELECT assignee_id FROM tasks WHERE id = $1', [taskId]);
    expect(moved!.assignee_id).toBe(target);
    await screenshot(page, 'task-reassign');
    await context.close();

    // The advisor no longer has it; an advisor has no team view.
    const advisor = await newPage(h);
    await signIn(advisor.page, ADVISOR);
    await advisor.page.getByTestId('inbox-list').waitFor();
    expect(await advisor.page.locator(`[data-task-id="${taskId}"]`).count()).toBe(0);
    expect(await advisor.page.getByTestId('inbox-who').count()).toBe(0);
    await advisor.context.close();
  });

  it('an admin reads the offers and budgets, is refused a bad survey link by its field, saves a good one and sees it after a reload; a manager only reads', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, 'admin');
    await page.goto('/settings');
    await page.getByRole('tab', { name: '优惠与预算' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings/offers');
    const offers = page.getByTestId('offers-table');
    await offers.locator('tbody tr.ant-table-row').first().waitFor();
    // An offer of the shipped catalogue, by its Chinese name, with its unit cost.
    expect(await offers.locator('tbody tr.ant-table-row').filter({ hasText: '200元代金券' }).textContent()).toContain('¥200');
    expect(await page.getByTestId('offer-defaults-table').textContent()).toContain('专属上门取送车');
    const retention = page.getByTestId('retention-settings');
    expect(await retention.getByTestId('retention-descriptions').textContent()).toContain('90');

    const input = retention.getByTestId('survey-link-input');
    await input.fill('survey.example.cn/no-scheme');
    await retention.getByTestId('save-document').click();
    await retention.getByTestId('field-errors').getByText('links.survey').waitFor();
    expect((await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM retention_settings WHERE document->'links'->>'survey' LIKE '%no-scheme'`))[0]!.n).toBe(0);

    const survey = 'https://survey.example.cn/r/e2e-offers';
    await input.fill(survey);
    await retention.getByTestId('save-document').click();
    await expect.poll(() => retention.getByTestId('survey-link').textContent()).toBe(survey);
    await page.reload();
    await expect.poll(() => page.getByTestId('retention-settings').getByTestId('survey-link').textContent()).toBe(survey);
    expect(await page.getByTestId('retention-settings').getByTestId('changed').textContent()).toContain('admin');
    const [stored] = await h.db.query<{ survey: string; changed_by: string }>(`SELECT document->'links'->>'survey' AS survey, changed_by FROM retention_settings`);
    expect(stored).toEqual({ survey, changed_by: 'admin' });
    await screenshot(page, 'settings-offers');
    await context.close();

    expect(await phoneScreenshot(h, 'admin', '/settings/offers', 'retention-descriptions', 'settings-offers'), 'settings offers').toBeLessThanOrEqual(PHONE.width);

    const manager = await newPage(h);
    await signIn(manager.page, MANAGER);
    await manager.page.goto('/settings/offers');
    await manager.page.getByTestId('offers-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await manager.page.getByTestId('read-only').count()).toBe(2);
    expect(await manager.page.getByTestId('retention-settings').getByTestId('save-document').isDisabled()).toBe(true);
    expect(await manager.page.getByTestId('survey-link-input').count()).toBe(0);
    await manager.context.close();
  });

  it('takes a screenshot of the new screens at desktop and phone width', async () => {
    const customer = await customerInRecall(ADVISOR);
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(h, viewport);
      await signIn(page, MANAGER);
      for (const [path, name, ready] of [
        ['/settings/programs', 'settings-programs', 'programs-table'],
        ['/settings/scripts', 'settings-scripts', 'scripts-table'],
        ['/settings/templates', 'settings-templates', 'templates-table'],
        ['/inbox?who=team', 'inbox-team', 'task-card'],
      ] as const) {
        await page.goto(path);
        await page.getByTestId(ready).first().waitFor();
        await screenshot(page, name);
        if (viewport === PHONE) expect(await pageWidth(page), name).toBeLessThanOrEqual(PHONE.width);
      }
      await page.getByTestId('task-card').first().click();
      await page.getByTestId('reassign').waitFor();
      await screenshot(page, 'task-reassign');
      if (viewport === PHONE) expect(await pageWidth(page), 'task-reassign').toBeLessThanOrEqual(PHONE.width);
      await context.close();

      const advisor = await newPage(h, viewport);
      await signIn(advisor.page, ADVISOR);
      await advisor.page.goto(`/customers/${customer}`);
      await advisor.page.getByTestId('customer-scripts').getByTestId('script-stage').first().waitFor();
      await screenshot(advisor.page, 'customer-360-scripts');
      if (viewport === PHONE) expect(await pageWidth(advisor.page), 'customer 360 scripts').toBeLessThanOrEqual(PHONE.width);
      await advisor.context.close();
    }
  });
});

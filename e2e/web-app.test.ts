import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, newPage, pageWidth, PHONE, screenshot, signIn, useHarness } from './harness.js';

/**
 * The web app end to end in headless Chromium: sign-in and roles, the boards on demo data,
 * customer 360 with the audited phone reveal, the language switch, exports, and a screenshot of
 * every screen at desktop (1280 px) and phone (390 px) width into docs/screenshots.
 */
const h = useHarness();

const ADVISOR = 'sh-01-sa1';

const MANAGER = 'sh-01-sm';

describe('web app', () => {
  it('an advisor signs in, sees only their customers, opens customer 360 and reveals a phone number', async () => {
    const { context, page } = await newPage(h);
    await page.goto('/');
    await screenshot(page, 'sign-in');
    await signIn(page, ADVISOR);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');

    await page.getByTestId('nav').getByText('流失风险清单').click();
    const rows = page.getByTestId('risk-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const [own] = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE advisor_id = $1', [ADVISOR]);
    await expect.poll(() => page.getByText(`共 ${own!.n} 条`).count()).toBe(1);
    await screenshot(page, 'risk-list-advisor');

    await rows.first().locator('a').first().click();
    await page.getByTestId('reason').first().waitFor();
    await page.getByTestId('score-history').locator('canvas').waitFor();
    expect(await page.getByTestId('timeline').locator('.ant-timeline-item').count()).toBeGreaterThan(0);
    const masked = await page.getByTestId('phone-masked').textContent();
    expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
    await screenshot(page, 'customer-360');
    await page.getByTestId('reveal-phone').click();
    const full = await page.getByTestId('phone-full').textContent();
    expect(full).toMatch(/^1\d{10}$/);
    expect(full!.slice(-4)).toBe(masked!.slice(-4));
    await context.close();
  });

  it("refuses an advisor another advisor's customer in the API itself (403)", async () => {
    const { context, page } = await newPage(h);
    await signIn(page, ADVISOR);
    const [other] = await h.db.query<{ id: string }>("SELECT id FROM customers WHERE advisor_id <> $1 ORDER BY id LIMIT 1", [ADVISOR]);
    const [mine] = await h.db.query<{ id: string }>('SELECT id FROM customers WHERE advisor_id = $1 ORDER BY id LIMIT 1', [ADVISOR]);
    const status = (id: string) => page.evaluate(async (p) => (await fetch(p)).status, `/api/v1/customers/${id}`);
    expect(await status(other!.id)).toBe(403);
    expect(await status(mine!.id)).toBe(200);
    const reveal = await page.evaluate(async (p) => (await fetch(p, { method: 'POST' })).status, `/api/v1/customers/${mine!.id}/reveal-phone`);
    expect(reveal).toBe(403); // no CSRF token: a script of another page could not do it either
    await page.goto(`/customers/${other!.id}`);
    await page.getByTestId('load-error').waitFor();
    await context.close();
  });

  it("a manager sees the store's red list on today's warning board", async () => {
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto('/warnings?level=red');
    const table = page.getByTestId('board-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const [red] = await h.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM warnings WHERE closed_at IS NULL AND level = 'red' AND store_id = 'sh-01'",
    );
    expect(red!.n).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`共 ${red!.n} 条`).count()).toBe(1);
    const levels = await table.locator('tbody tr.ant-table-row [data-level]').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
    expect(new Set(levels)).toEqual(new Set(['red']));
    await page.goto('/warnings');
    await screenshot(page, 'warning-board');
    await context.close();
  });

  it('switches the language to English and keeps it', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.getByTestId('nav').getByText('流失风险清单').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav').getByText('Risk list').waitFor();
    await page.reload();
    await page.getByTestId('nav').getByText("Today's warnings").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto('/risk');
    await page.getByRole('columnheader', { name: 'Days since visit' }).waitFor();
    await screenshot(page, 'risk-list-en');
    await context.close();
  });

  it('exports the filtered risk list as CSV and Excel with the right rows', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto('/risk?level=orange');
    await page.getByTestId('risk-table').locator('tbody tr.ant-table-row').first().waitFor();
    const expected = await h.db.query<{ id: string }>(
      `SELECT c.id FROM customers c JOIN LATERAL (SELECT level FROM evaluations WHERE customer_id = c.id ORDER BY as_of DESC LIMIT 1) e ON true
        WHERE c.store_id = 'sh-01' AND e.level = 'orange' ORDER BY c.id`,
    );
    expect(expected.length).toBeGreaterThan(0);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^risk-list-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]!.startsWith('客户编号,姓名,电话')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(expected.map((r) => r.id));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.worksheets[0]!;
    const ids = [];
    for (let r = 2; r <= sheet.rowCount; r++) ids.push(String(sheet.getRow(r).getCell(1).value));
    expect(ids.sort()).toEqual(expected.map((r) => r.id));
    await context.close();
  });

  it('an admin previews a policy change (customers moving between levels) and reads the reveal audit log', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, 'admin');
    await page.goto('/settings/rules');
    // Rule 1 (R > 60 days) raised from yellow to red: the yellow customers long away turn red.
    await page.getByTestId('rule-level-1').click();
    await page.locator('.ant-select-dropdown:visible').getByText('红色', { exact: true }).click();
    await page.getByTestId('preview').click();
    const result = page.getByTestId('preview-result');
    await result.waitFor();
    const moved = Number(/(\d+) 位客户等级变化/.exec((await result.textContent()) ?? '')?.[1]);
    expect(moved).toBeGreaterThan(0);
    await screenshot(page, 'settings-rules-preview');
    await page.goto('/settings/audit');
    await page.getByTestId('audit-table').getByText(ADVISOR).first().waitFor();
    await screenshot(page, 'settings-audit');
    await page.goto('/settings/staff');
    await page.getByTestId('staff-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'settings-staff');
    await page.goto('/settings/policy');
    await page.getByTestId('policy-json').waitFor();
    await screenshot(page, 'settings-policy');
    await context.close();
  });

  it("an advisor works a task from the inbox: the filled-in script, one tap on booked, and the funnel's booked count moves", async () => {
    // A task the engine opened for one of the advisor's customers after their warning opened.
    const [task] = await h.db.query<{ id: string; from: string }>(
      `SELECT t.id, to_char(w.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS from
         FROM tasks t JOIN warnings w ON w.customer_id = t.customer_id AND w.closed_at IS NULL
        WHERE t.assignee_id = $1 AND t.status = 'open' AND t.type = 'call' AND t.created_at >= w.opened_at
        ORDER BY t.due NULLS LAST, t.id LIMIT 1`,
      [ADVISOR],
    );
    expect(task, 'the engine opened a call task for the advisor').toBeDefined();
    const [open] = await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE assignee_id = $1 AND status = 'open'", [ADVISOR]);
    const { context, page } = await newPage(h);
    await signIn(page, ADVISOR);
    const cards = page.getByTestId('task-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(open!.n);

    const funnel = `/funnel?from=${task!.from}`;
    const booked = async () => {
      await page.goto(funnel);
      return Number(await page.getByTestId('funnel-booked').textContent());
    };
    const before = await booked();

    await page.goto('/inbox');
    await page.locator(`[data-task-id="${task!.id}"]`).click();
    await page.getByTestId('script-stage').first().waitFor();
    const script = (await page.getByTestId('task-script').textContent()) ?? '';
    expect(script.length).toBeGreaterThan(20);
    expect(script).not.toMatch(/undefined|null|\{\{/);
    expect(await page.getByTestId('task-customer').textContent()).toBeTruthy();
    await page.getByTestId('outcome-booked').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    await expect.poll(() => cards.count()).toBe(open!.n - 1);
    const [closed] = await h.db.query<{ status: string; outcome: string; closed_by: string }>('SELECT status, outcome, closed_by FROM tasks WHERE id = $1', [task!.id]);
    expect(closed).toEqual({ status: 'closed', outcome: 'booked', closed_by: ADVISOR });

    expect(await booked()).toBe(before + 1);
    await context.close();
  });

  it('takes a screenshot of every screen at desktop and phone width', async () => {
    const [customer] = await h.db.query<{ id: string }>(
      `SELECT w.customer_id AS id FROM warnings w JOIN customers c ON c.id = w.customer_id
        WHERE w.closed_at IS NULL AND w.level = 'red' AND c.advisor_id = $1 ORDER BY w.customer_id LIMIT 1`,
      [ADVISOR],
    );
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(h, viewport);
      await signIn(page, MANAGER);
      for (const [path, name, ready] of [
        ['/overview', 'overview', 'total-customers'],
        ['/risk', 'risk-list', 'risk-table'],
        ['/warnings', 'warning-board', 'board-table'],
        ['/recall', 'recall-board', 'recall-table'],
        ['/funnel', 'funnel', 'funnel-chart'],
        ['/review', 'monthly-review', 'review-warnings'],
        [`/customers/${customer?.id}`, 'customer-360', 'explanation'],
      ] as const) {
        await page.goto(path);
        await page.getByTestId(ready).first().waitFor();
        await screenshot(page, name);
        if (viewport === PHONE) expect(await pageWidth(page), name).toBeLessThanOrEqual(PHONE.width);
      }
      await context.close();

      const advisor = await newPage(h, viewport);
      await signIn(advisor.page, ADVISOR);
      await advisor.page.getByTestId('task-card').first().waitFor();
      await screenshot(advisor.page, 'inbox');
      if (viewport === PHONE) expect(await pageWidth(advisor.page), 'inbox').toBeLessThanOrEqual(PHONE.width);
      await advisor.page.getByTestId('task-card').first().click();
      await advisor.page.getByTestId('script-stage').first().waitFor();
      await screenshot(advisor.page, 'task');
      if (viewport === PHONE) expect(await pageWidth(advisor.page), 'task').toBeLessThanOrEqual(PHONE.width);
      await advisor.page.goto(`/customers/${customer?.id}`);
      await advisor.page.getByTestId('reveal-phone').waitFor();
      await screenshot(advisor.page, 'customer-360-advisor');
      if (viewport === PHONE) expect(await pageWidth(advisor.page), 'customer 360').toBeLessThanOrEqual(PHONE.width);
      if (viewport === PHONE) {
        await advisor.page.getByTestId('menu-button').click();
        await advisor.page.locator('.ant-drawer-open').waitFor();
        await screenshot(advisor.page, 'menu');
      }
      await advisor.context.close();
    }
    const sign = await newPage(h, PHONE);
    await sign.page.goto('/');
    await sign.page.getByTestId('username').waitFor();
    await screenshot(sign.page, 'sign-in');
    await sign.context.close();
  });
});

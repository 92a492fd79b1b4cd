import { describe, expect, it } from 'vitest';
import { newPage, screenshot, signIn, useHarness } from './harness.js';

/**
 * Proactive care on the boards, in headless Chromium: the overview's coverage per value tier, the
 * inbox's care tasks apart from warnings, a care call with the customer's notes beside the script
 * and a note taken with the outcome, the care card on customer 360, and care in the monthly review.
 */
const h = useHarness();
const MANAGER = 'sh-01-sm';

const count = async (sql: string, params: unknown[] = []) => (await h.db.query<{ n: number }>(sql, params))[0]!.n;
const num = async (text: Promise<string | null>) => Number(((await text) ?? '').replace(/[^\d]/g, ''));

describe('web app: proactive care on the boards', () => {
  it('the overview shows care coverage per tier; its open care tasks lead to the inbox showing care tasks only', async () => {
    const open = await count("SELECT count(*)::int AS n FROM tasks WHERE store_id = 'sh-01' AND category = 'care' AND status = 'open'");
    expect(open).toBeGreaterThan(0);
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    const coverage = page.getByTestId('care-coverage');
    await coverage.locator('tr[data-tier="high"]').waitFor();
    expect(await coverage.locator('tr[data-tier]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tier')))).toEqual(['high', 'mid', 'basic']);
    let shown = 0;
    for (const link of await coverage.getByTestId('open-care-tasks').all()) shown += await num(link.textContent());
    expect(shown).toBe(open);
    const within = await num(coverage.locator('tr[data-tier="basic"]').getByTestId('within').textContent());
    expect(within).toBeGreaterThan(0);
    await screenshot(page, 'overview-care');

    await coverage.locator('tr[data-tier="high"]').getByTestId('open-care-tasks').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('care');
    const cards = page.getByTestId('task-card');
    await cards.first().waitFor();
    const onPage = await cards.count();
    expect(await page.getByTestId('care-tag').count()).toBe(onPage);
    expect(await page.getByTestId('inbox-list').locator('.ant-tag').filter({ hasText: /预警/ }).count()).toBe(0);
    await screenshot(page, 'inbox-care');

    // "预警" shows the warning work and no care task.
    await page.getByTestId('inbox-category').getByText('预警').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('warning');
    await expect.poll(() => page.getByTestId('care-tag').count()).toBe(0);
    await cards.first().waitFor();
    await context.close();
  });

  it('an advisor reads the notes beside a care script, takes a note with the outcome, and finds it on customer 360 with the care card', async () => {
    const [task] = await h.db.query<{ id: string; customer_id: string; assignee_id: string }>(
      `SELECT id, customer_id, assignee_id FROM tasks WHERE store_id = 'sh-01' AND category = 'care' AND status = 'open'
          AND type = 'call' AND assignee_id LIKE 'sh-01-sa%' AND available_at <= now() ORDER BY id LIMIT 1`,
    );
    expect(task).toBeDefined();
    await h.db.query(
      `INSERT INTO customer_notes (store_id, customer_id, topic, text, staff_id, source, at)
       VALUES ('sh-01', $1, 'open_question', '想了解冬季电池保养', $2, 'staff', now() - interval '20 days')`,
      [task!.customer_id, task!.assignee_id],
    );
    const { context, page } = await newPage(h);
    await signIn(page, task!.assignee_id);
    await page.goto(`/inbox/${task!.id}`);
    const notes = page.getByTestId('task-notes');
    await notes.getByTestId('note-open_question').waitFor();
    expect(await notes.textContent()).toContain('想了解冬季电池保养');
    await page.getByTestId('task-script').waitFor();

    await page.getByTestId('outcome-notes').getByText('编辑备注').click();
    const question = page.getByTestId('task-note-open_question');
    expect(await question.inputValue()).toBe('想了解冬季电池保养');
    await question.fill('冬季电池保养已讲解，下次问充电桩安装');
    await page.getByTestId('task-note-drink').fill('绿茶');
    await screenshot(page, 'task-care-notes');
    await page.getByTestId('outcome-reached').click();
    await page.getByTestId('inbox-list').waitFor();

    const saved = await h.db.query<{ topic: string; text: string; task_id: string | null }>(
      `SELECT topic, text, task_id FROM customer_notes WHERE customer_id = $1 AND task_id IS NOT NULL ORDER BY topic`, [task!.customer_id]);
    expect(saved).toEqual([
      { topic: 'drink', text: '绿茶', task_id: task!.id },
      { topic: 'open_question', text: '冬季电池保养已讲解，下次问充电桩安装', task_id: task!.id },
    ]);
    const [closed] = await h.db.query<{ status: string; outcome: string }>('SELECT status, outcome FROM tasks WHERE id = $1', [task!.id]);
    expect(closed).toEqual({ status: 'closed', outcome: 'reached' });

    await page.goto(`/customers/${task!.customer_id}`);
    // The call just recorded is the customer's latest proactive touch (the outcome re-evaluates at once).
    const lastTouch = page.getByTestId('care-card').getByTestId('care-last-touch');
    await lastTouch.waitFor();
    expect(await lastTouch.textContent()).toBe(`${h.today} · 电话`);
    expect(await page.getByTestId('notes-card').getByTestId('note-drink').textContent()).toContain('绿茶');
    await context.close();
  });

  it('the monthly review reports the care work of the month', async () => {
    const month = h.today.slice(0, 7);
    const { context, page } = await newPage(h);
    await signIn(page, MANAGER);
    await page.goto('/review');
    const care = page.getByTestId('review-care');
    await care.waitFor();
    const opened = await count(
      `SELECT count(*)::int AS n FROM tasks WHERE store_id = 'sh-01' AND category = 'care'
          AND to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $1`, [month]);
    expect(await num(care.getByTestId('care-tasksOpened').locator('.ant-statistic-content-value').textContent())).toBe(opened);
    expect(await care.textContent()).toMatch(/获得关怀|本月无留出客户/);
    await screenshot(page, 'review-care');
    await context.close();
  });
});

import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { DEMO_PASSWORD } from '../demo/demo-logins.js';
import { getActivePolicy } from '../engine/active-policy.js';
import type { Db } from '../store/db.js';
import { startServer, type RunningServer } from './serve.js';
import { loadDemoCenter } from './testing/demo-center.js';
import { seedTask } from './testing/seed-task.js';
import { sessionClient } from './testing/session-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const now = new Date('2024-06-30T12:00:00+08:00');

async function start(db: Db) {
  await loadDemoCenter(db, { customers: 120, stores: 2, asOf: '2024-06-30', now, backfillMonths: 2 });
  server = await startServer({ db, policy: () => getActivePolicy(db), clock: () => now }, { port: 0 });
  const as = async (username: string) => {
    const client = sessionClient(server!.url);
    expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
    return client;
  };
  return { db, as };
}

interface RiskPage {
  total: number;
  items: { customerId: string; advisorId: string; storeId: string; level: string; phoneMasked: string | null; valueTier: string; lifecycle: string; riskScore: number }[];
}

const rank = { red: 0, orange: 1, yellow: 2, green: 3 } as Record<string, number>;

describeEachDatabase('boards and lists', (t) => {
  it('sorts the risk list by predicted churn probability on request, customers without one last', async () => {
    const { db, as } = await start(await t.open());
    // In the newest snapshot and in the current evaluation the list ranks on, as saving one writes both.
    const set = (id: string, p: number) => db.query(
      `WITH cur AS (UPDATE current_evaluations SET churn_probability = $2::numeric WHERE customer_id = $1 RETURNING as_of)
       UPDATE evaluations SET record = jsonb_set(record::jsonb, '{prediction,churnProbability}', to_jsonb($2::numeric))::json
        WHERE customer_id = $1 AND as_of = (SELECT as_of FROM cur)`, [id, p],
    );
    const admin = await as('admin');
    const urgent = await admin.json<RiskPage>('/api/v1/risk-list?pageSize=200');
    // Three of the least urgent customers get the highest churn probabilities.
    const [a, b, c] = urgent.items.slice(-3).map((i) => i.customerId);
    await set(a!, 0.42);
    await set(b!, 0.91);
    await set(c!, 0.67);
    const byChurn = await admin.json<{ total: number; items: { customerId: string; churnProbability: number | null }[] }>('/api/v1/risk-list?pageSize=200&sort=churn');
    expect(byChurn.items.slice(0, 3).map((i) => [i.customerId, i.churnProbability])).toEqual([[b, 0.91], [c, 0.67], [a, 0.42]]);
    expect(byChurn.items.slice(3).every((i) => i.churnProbability === null)).toBe(true);
    expect(byChurn.total).toBe(urgent.total);
    expect((await admin.call('/api/v1/risk-list?sort=score')).status).toBe(400);
  });

  it('pages the risk list on the server, most urgent first, inside the scope, with masked phones', async () => {
    const { db, as } = await start(await t.open());
    const admin = await as('admin');
    const all = await admin.json<RiskPage>('/api/v1/risk-list?pageSize=200');
    expect(all.total).toBe(120);
    const levels = all.items.map((i) => rank[i.level]!);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(all.items.every((i) => i.phoneMasked === null || /^\d{3}\*+\d{4}$/.test(i.phoneMasked))).toBe(true);

    const p1 = await admin.json<RiskPage>('/api/v1/risk-list?pageSize=50&page=1');
    const p3 = await admin.json<RiskPage>('/api/v1/risk-list?pageSize=50&page=3');
    expect(p1.items).toHaveLength(50);
    expect(p3.items).toHaveLength(20);
    expect(p3.total).toBe(120);
    expect(p1.items.map((i) => i.customerId)).toEqual(all.items.slice(0, 50).map((i) => i.customerId));

    const advisor = await as('sh-01-sa1');
    const mine = await advisor.json<RiskPage>('/api/v1/risk-list?pageSize=200');
    const [expected] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE advisor_id = 'sh-01-sa1'");
    expect(mine.total).toBe(expected!.n);
    expect(mine.items.every((i) => i.advisorId === 'sh-01-sa1')).toBe(true);

    const manager = await as('bj-01-sm');
    const store = await manager.json<RiskPage>('/api/v1/risk-list?pageSize=200');
    expect(store.total).toBeGreaterThan(0);
    expect(store.items.every((i) => i.storeId === 'bj-01')).toBe(true);
    expect((await manager.json<RiskPage>('/api/v1/risk-list?storeId=sh-01')).total).toBe(0);
  });

  it('filters by level, value tier and lifecycle', async () => {
    const { as } = await start(await t.open());
    const admin = await as('admin');
    const all = await admin.json<RiskPage>('/api/v1/risk-list?pageSize=200');
    for (const [key, value] of [['level', 'red'], ['valueTier', 'high'], ['lifecycle', 'active']] as const) {
      const page = await admin.json<RiskPage>(`/api/v1/risk-list?pageSize=200&${key}=${value}`);
      expect(page.total).toBe(all.items.filter((i) => i[key] === value).length);
      expect(page.items.every((i) => i[key] === value)).toBe(true);
    }
    expect((await admin.call('/api/v1/risk-list?level=purple')).status).toBe(400);
  });

  it('exports the filtered list as CSV and as Excel with the same rows', async () => {
    const { as } = await start(await t.open());
    const manager = await as('sh-01-sm');
    const list = await manager.json<RiskPage>('/api/v1/risk-list?level=orange&pageSize=200');
    const csv = await manager.call('/api/v1/risk-list/export?level=orange&format=csv&lang=en');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="risk-list-2024-06-30\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs for UTF-8
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Customer id,Name,Phone,Store,Advisor,Level,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(list.items.map((i) => i.customerId));
    expect(lines.slice(1).every((l) => l.split(',')[5] === 'orange')).toBe(true);

    const xlsx = await manager.call('/api/v1/risk-list/export?level=orange&format=xlsx');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('客户编号');
    expect(sheet.rowCount - 1).toBe(list.total);
    expect(sheet.getRow(2).getCell(6).value).toBe('橙');
  });

  it("shows today's warning board, the overview with its monthly trend, and the recall board", async () => {
    const { db, as } = await start(await t.open());
    const admin = await as('admin');
    const board = await admin.json<{ counts: Record<string, number>; total: number; items: { level: string; owner: string | null }[]; week: { target: number } }>(
      '/api/v1/warning-board?pageSize=200',
    );
    const open = await db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM warnings WHERE closed_at IS NULL GROUP BY level');
    for (const { level, n } of open) expect(board.counts[level]).toBe(n);
    expect(board.total).toBe((board.counts.red ?? 0) + (board.counts.orange ?? 0));
    expect(board.items.map((i) => i.level)).toEqual([...board.items.map((i) => i.level)].sort((a, b) => rank[a]! - rank[b]!));
    expect(board.items.every((i) => i.level === 'red' || i.level === 'orange')).toBe(true);

    const overview = await admin.json<{ totalCustomers: number; byHealthTier: Record<string, number>; trend: { month: string; customers: number }[] }>(
      '/api/v1/overview',
    );
    expect(overview.totalCustomers).toBe(120);
    expect(Object.values(overview.byHealthTier).reduce((a, b) => a + b, 0)).toBe(120);
    expect(overview.trend.map((m) => m.month)).toEqual(['2024-04', '2024-05', '2024-06']);

    const recall = await admin.json<{ levels: { recallLevel: number | null; customers: number }[] }>('/api/v1/recall-board');
    expect(recall.levels.map((l) => l.recallLevel)).toEqual([1, 2, 3, null]);
  });

  it('shows care coverage per tier on the overview: within, due, overdue and open care tasks, inside the scope', async () => {
    const { db, as } = await start(await t.open());
    type Coverage = Record<string, { within: number; due: number; overdue: number; openTasks: number }>;
    const latest = await db.query<{ customer_id: string; advisor_id: string; care: { tier: string; status: string } }>(
      `SELECT DISTINCT ON (e.customer_id) e.customer_id, c.advisor_id, e.record->'care' AS care
         FROM evaluations e JOIN customers c ON c.id = e.customer_id ORDER BY e.customer_id, e.as_of DESC`,
    );
    const tally = (rows: typeof latest) => {
      const m: Coverage = {};
      for (const r of rows) (m[r.care.tier] ??= { within: 0, due: 0, overdue: 0, openTasks: 0 })[r.care.status as 'due'] += 1;
      return m;
    };
    // Two open care tasks of one high-value customer and a closed one; a warning task does not count.
    const [high] = latest.filter((r) => r.care.tier === 'high');
    await db.query('DELETE FROM tasks');
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await seedTask(db, { customerId: high!.customer_id, due: null, createdAt: now.toISOString() }));
    await db.query("UPDATE tasks SET category = 'care' WHERE id = ANY($1)", [ids.slice(0, 3)]);
    await db.query("UPDATE tasks SET status = 'closed' WHERE id = $1", [ids[2]]);
    const expected = tally(latest);
    expected.high!.openTasks = 2;
    const overview = await (await as('admin')).json<{ careCoverage: Coverage; totalCustomers: number }>('/api/v1/overview');
    expect(overview.careCoverage).toEqual(expected);
    expect(Object.values(overview.careCoverage).reduce((n, c) => n + c.within + c.due + c.overdue, 0)).toBe(overview.totalCustomers);

    const mine = await (await as('sh-01-sa1')).json<{ careCoverage: Coverage }>('/api/v1/overview');
    const own = tally(latest.filter((r) => r.advisor_id === 'sh-01-sa1'));
    for (const tier of Object.keys(own)) expect({ ...mine.careCoverage[tier], openTasks: 0 }).toEqual(own[tier]);
  });

  it('keeps the recall board levels in order', async () => {
    const { as } = await start(await t.open());
    const recall = await (await as('admin')).json<{ levels: { recallLevel: number | null; customers: number }[] }>('/api/v1/recall-board');
    expect(recall.levels.map((l) => l.recallLevel)).toEqual([1, 2, 3, null]);
  });

  it('previews how many customers a policy change moves between levels, and lets only an admin save it', async () => {
    const { as } = await start(await t.open());
    const manager = await as('sh-01-mgr');
    const { document } = await manager.json<{ document: { version: string; rules: { id: string; level: string }[] } }>('/api/v1/settings/policy');
    const same = await (await manager.post('/api/v1/settings/policy/preview', { policy: document })).json() as { moved: number; customers: number };
    expect(same.moved).toBe(0);
    expect(same.customers).toBeGreaterThan(0);

    const draft = structuredClone(document);
    draft.version = 'strict-2';
    draft.rules.find((r) => r.id === '1')!.level = 'red'; // R > 60 days: yellow → red
    const res = await manager.post('/api/v1/settings/policy/preview', { policy: draft });
    const preview = (await res.json()) as { moved: number; lowered: number; raised: number; matrix: Record<string, Record<string, number>>; customers: number };
    expect(res.status).toBe(200);
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.lowered).toBe(0);
    expect(preview.moved).toBe(preview.raised);
    expect(preview.matrix.green!.red).toBe(0);
    const cells = Object.values(preview.matrix).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(preview.customers);

    const bad = await manager.post('/api/v1/settings/policy/preview', { policy: { ...draft, rules: [{ id: 'x', level: 'purple' }] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toMatch(/^policy\.rules\.0/);

    expect((await manager.send('PUT', '/api/v1/settings/policy', { policy: draft })).status).toBe(403);
    const admin = await as('admin');
    expect((await admin.send('PUT', '/api/v1/settings/policy', { policy: draft })).status).toBe(200);
    const after = await admin.json<{ version: string; versions: { version: string; createdBy: string | null; active: boolean }[] }>('/api/v1/settings/policy');
    expect(after.version).toBe('strict-2');
    expect(after.versions.find((v) => v.active)).toMatchObject({ version: 'strict-2', createdBy: 'admin' });
  });

  it('lists staff for managers, not advisors; an admin resets a password', async () => {
    const { as } = await start(await t.open());
    const manager = await as('sh-01-sm');
    const staff = await manager.json<{ items: { id: string; storeId: string; hasPassword: boolean }[] }>('/api/v1/staff');
    expect(staff.items.length).toBeGreaterThan(6);
    expect(staff.items.every((s) => s.storeId === 'sh-01' && s.hasPassword)).toBe(true);
    const advisor = await as('sh-01-sa2');
    expect((await advisor.call('/api/v1/staff')).status).toBe(403);
    expect((await advisor.call('/api/v1/settings/policy')).status).toBe(403);
    const admin = await as('admin');
    expect((await admin.send('PUT', '/api/v1/staff/sh-01-sa2/password', { password: 'a-new-password' })).status).toBe(200);
    expect((await advisor.call('/api/v1/auth/me')).status).toBe(401);
  });
});

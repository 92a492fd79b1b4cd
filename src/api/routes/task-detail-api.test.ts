import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { evaluateAt } from '../../engine/programs/testing/drive.js';
import type { Db } from '../../store/db.js';
import { staffServer } from '../testing/staff-server.js';

const startStaffServer = staffServer();

const NOW = '2024-06-30T10:00:00+08:00';

/**
 * The staff fixture evaluated by the engine at NOW: c-li-1 (sa-li's, 172 days away) is red, so the
 * service manager sm-sh has its red call (t2), and SMS went out.
 */
async function start(db: Db) {
  const clock = { now: new Date(NOW) };
  const { as } = await startStaffServer(db, new Date(NOW), () => clock.now, async () => {
    await evaluateAt(db, NOW, ['c-li-1', 'c-li-2', 'c-zhao-1', 'c-hz-1', 'c-bj-1']);
  });
  const [task] = await db.query<{ id: string }>("SELECT id FROM tasks WHERE customer_id = 'c-li-1' AND program_id = 'early_warning_red'");
  return { taskId: task!.id, as, clock };
}

type Detail = {
  task: { id: string; programId: string; assigneeId: string };
  customer: { id: string; name: string; advisorName: string; daysSinceVisit: number; level: string };
  warning: { level: string; reasons: string[] };
  scripts: { occasion: string; stages: { stage: string; id: string; text: string }[]; otherReasons: unknown[]; templates: { body: string }[]; fields: Record<string, string | null> };
};

describeEachDatabase('task detail, timeline and give-up API', (t) => {
  it("shows a task with its customer, the warning, and the script filled in for that customer — never 'undefined'", async () => {
    const { taskId, as } = await start(await t.open());
    const sm = await as('sm-sh');
    const d = await sm.json<Detail>(`/api/v1/tasks/${taskId}`);
    expect(d.task).toMatchObject({ id: taskId, programId: 'early_warning_red', assigneeId: 'sm-sh' });
    expect(d.customer).toMatchObject({ id: 'c-li-1', name: '客户1', advisorName: '李明', daysSinceVisit: 172, level: 'red' });
    expect(d.warning.level).toBe('red');
    expect(d.scripts.occasion).toBe('red_call');
    expect(d.scripts.stages.map((s) => s.stage)).toEqual(['opening', 'probing', 'offer', 'closing']);
    const opening = d.scripts.stages[0]!;
    expect(opening.id).toBe('red.opening');
    // Spoken by the task's assignee (the service manager), about this customer.
    expect(opening.text).toContain('客户1您好，我是上海浦东服务中心的服务经理王芳');
    expect(opening.text).toContain('172天');
    expect(d.scripts.fields).toMatchObject({ customerName: '客户1', advisorName: '李明', staffName: '王芳', daysSinceLastVisit: '172', offer: '八折' });
    expect(d.scripts.fields.mileage).toBeNull();
    expect(d.scripts.templates.length).toBeGreaterThan(0);
    const texts = [...d.scripts.stages, ...d.scripts.otherReasons, ...d.scripts.templates]
      .flatMap((s) => ['title', 'text', 'tip', 'subject', 'body'].map((k) => (s as Record<string, unknown>)[k]))
      .filter((v): v is string => typeof v === 'string');
    expect(texts.length).toBeGreaterThan(20);
    const all = texts.join('\n');
    expect(all).not.toMatch(/undefined|null|NaN|\{\{/);
    // The fixture has no vehicle: the maintenance item is a visible placeholder.
    expect(all).toContain('【待填写：保养项目】');
    const en = await sm.json<Detail>(`/api/v1/tasks/${taskId}?lang=en`);
    expect(en.scripts.stages[0]!.text).toMatch(/^Hello 客户1, this is 王芳/);
    expect(JSON.stringify(en.scripts)).toContain('[to fill: maintenance item]');
    // The customer's own advisor sees the task on their customer; another advisor does not.
    expect((await (await as('sa-li')).call(`/api/v1/tasks/${taskId}`)).status).toBe(200);
    expect((await (await as('sa-zhao')).call(`/api/v1/tasks/${taskId}`)).status).toBe(403);
  });

  it("merges a customer's events, tasks, messages and program actions, newest first", async () => {
    const { taskId, as, clock } = await start(await t.open());
    const sm = await as('sm-sh');
    clock.now = new Date('2024-06-30T15:00:00+08:00');
    expect((await sm.post(`/api/v1/tasks/${taskId}/outcome`, { result: 'booked' })).status).toBe(200);
    type Entry = { at: string; source: string; type?: string; kind?: string; status?: string; channel?: string };
    const { items } = await sm.json<{ items: Entry[] }>('/api/v1/customers/c-li-1/timeline');
    const at = items.map((i) => Date.parse(i.at));
    expect(at).toEqual([...at].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({ source: 'action', kind: 'task_closed' });
    expect(items.find((i) => i.source === 'task')).toMatchObject({ type: 'call', status: 'closed' });
    expect(items.filter((i) => i.source === 'message').map((i) => `${i.channel} ${i.status}`).sort()).toEqual(['sms sent', 'wechat blocked']);
    expect(items.find((i) => i.source === 'action' && i.kind === 'warning_opened')).toBeDefined();
    expect(items.at(-1)).toMatchObject({ source: 'event', type: 'visit', at: '2024-01-10T10:00:00+08:00' });
    // The task and message lines stand for their own creation: no duplicate "created" lines.
    expect(items.filter((i) => i.kind === 'task_created' || i.kind === 'message_queued')).toEqual([]);
    expect((await sm.json<{ items: Entry[] }>('/api/v1/customers/c-li-1/timeline?limit=2')).items).toHaveLength(2);
    expect((await (await as('sa-zhao')).call('/api/v1/customers/c-li-1/timeline')).status).toBe(403);
    expect((await sm.call('/api/v1/customers/nobody/timeline')).status).toBe(404);
  });

  it('a manager gives up on a customer with a reason; the give-up comes up for review after 90 days', async () => {
    const db = await t.open();
    const { as, clock } = await start(db);
    const li = await as('sa-li');
    expect((await li.post('/api/v1/customers/c-li-2/abandon', { reason: '搬家到外地' })).status).toBe(403);
    const sm = await as('sm-sh');
    expect((await sm.post('/api/v1/customers/c-bj-1/abandon', { reason: '搬家到外地' })).status).toBe(403);
    expect((await sm.post('/api/v1/customers/c-li-2/abandon', {})).status).toBe(400);
    const res = await sm.post('/api/v1/customers/c-li-2/abandon', { reason: '搬家到外地' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ customerId: 'c-li-2', abandonedAt: new Date(NOW).toISOString() });
    expect((await sm.post('/api/v1/customers/c-li-2/abandon', { reason: 'again' })).status).toBe(409);
    const open = await db.query("SELECT id FROM tasks WHERE customer_id = 'c-li-2' AND status = 'open'");
    expect(open).toEqual([]);
    expect((await sm.json<{ items: unknown[] }>('/api/v1/abandoned-review')).items).toEqual([]);
    clock.now = new Date('2024-09-29T10:00:00+08:00');
    const [sm2, li2] = [await as('sm-sh'), await as('sa-li')];
    const due = await sm2.json<{ items: unknown[] }>('/api/v1/abandoned-review');
    expect(due.items).toEqual([{ customerId: 'c-li-2', name: '客户2', storeId: 'sh-01', advisorId: 'sa-li', reason: '搬家到外地', abandonedAt: new Date(NOW).toISOString() }]);
    expect((await li2.call('/api/v1/abandoned-review')).status).toBe(403);
    expect((await sm2.post('/api/v1/customers/c-li-2/abandon-review')).status).toBe(200);
    expect((await sm2.json<{ items: unknown[] }>('/api/v1/abandoned-review')).items).toEqual([]);
    expect((await sm2.post('/api/v1/customers/c-li-1/abandon-review')).status).toBe(409);
  });
});

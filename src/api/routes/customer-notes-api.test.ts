import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { createApiToken } from '../../store/api-tokens.js';
import type { Db } from '../../store/db.js';
import type { NotesView } from '../notes/note-schemas.js';
import { seedTask } from '../testing/seed-task.js';
import { staffServer } from '../testing/staff-server.js';

const startStaffServer = staffServer();

const T0 = '2024-06-30T10:00:00+08:00';
const minutes = (n: number) => new Date(new Date(T0).getTime() + n * 60_000);

/** The staff fixture (sa-li has c-li-1, c-li-2 and c-hz-1; sa-zhao c-zhao-1; sa-bj c-bj-1) and a clock the test moves. */
async function start(db: Db) {
  const clock = { now: minutes(0) };
  const { as, url } = await startStaffServer(db, minutes(0), () => clock.now);
  return { as, clock, url };
}

const notesOf = (db: Db) => db.query<{ topic: string; text: string; staff_id: string | null; task_id: string | null; source: string }>(
  'SELECT topic, text, staff_id, task_id, source FROM customer_notes ORDER BY id',
);

type Detail = { notes: NotesView; scripts: { stages: { id: string; tip: string | null }[]; fields: Record<string, string | null> } };

describeEachDatabase('personal notes API', (t) => {
  it('every save of a topic is a new version with who and when; the newest is current; an empty text clears it', async () => {
    const db = await t.open();
    const { as, clock } = await start(db);
    const li = await as('sa-li');
    const sm = await as('sm-sh');
    expect(await li.json<NotesView>('/api/v1/customers/c-li-1/notes')).toEqual({ customerId: 'c-li-1', current: [], history: [] });

    const first = await li.post('/api/v1/customers/c-li-1/notes', { notes: { drink: '  冰美式 ', open_question: '家里充电桩能不能装快充' } });
    expect(first.status).toBe(200);
    clock.now = minutes(5);
    expect((await sm.post('/api/v1/customers/c-li-1/notes', { notes: { drink: '热拿铁，少糖' } })).status).toBe(200);
    clock.now = minutes(10);
    const cleared = await li.post('/api/v1/customers/c-li-1/notes', { notes: { open_question: '   ' } });
    const view = (await cleared.json()) as NotesView;

    expect(view.current).toEqual([
      { id: expect.any(Number), topic: 'drink', text: '热拿铁，少糖', staffId: 'sm-sh', staffName: '王芳', taskId: null, at: '2024-06-30T10:05:00+08:00', source: 'staff' },
      { id: expect.any(Number), topic: 'open_question', text: null, staffId: 'sa-li', staffName: '李明', taskId: null, at: '2024-06-30T10:10:00+08:00', source: 'staff' },
    ]);
    // Nothing is rewritten: the first drink and the question are still there, newest first.
    expect(view.history.map((v) => [v.topic, v.text, v.staffId, v.at])).toEqual([
      ['open_question', null, 'sa-li', '2024-06-30T10:10:00+08:00'],
      ['drink', '热拿铁，少糖', 'sm-sh', '2024-06-30T10:05:00+08:00'],
      ['open_question', '家里充电桩能不能装快充', 'sa-li', '2024-06-30T10:00:00+08:00'],
      ['drink', '冰美式', 'sa-li', '2024-06-30T10:00:00+08:00'],
    ]);
    expect(await li.json<NotesView>('/api/v1/customers/c-li-1/notes')).toEqual(view);
    expect((await notesOf(db)).map((r) => r.text)).toEqual(['冰美式', '家里充电桩能不能装快充', '热拿铁，少糖', '']);
  });

  it('access is exactly the customer\'s: 403 outside the scope (nothing written), 404 for no such customer', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const body = { notes: { job: '中学老师' } };
    const li = await as('sa-li');
    expect((await li.call('/api/v1/customers/c-zhao-1/notes')).status).toBe(403);
    expect((await li.post('/api/v1/customers/c-zhao-1/notes', body)).status).toBe(403);
    expect((await li.call('/api/v1/customers/c-nobody/notes')).status).toBe(404);
    expect((await li.post('/api/v1/customers/c-nobody/notes', body)).status).toBe(404);
    const sm = await as('sm-sh');
    expect((await sm.post('/api/v1/customers/c-zhao-1/notes', body)).status).toBe(200); // their store
    expect((await sm.call('/api/v1/customers/c-hz-1/notes')).status).toBe(403); // another store
    const gm = await as('gm-east');
    expect((await gm.post('/api/v1/customers/c-hz-1/notes', body)).status).toBe(200); // their region
    expect((await gm.call('/api/v1/customers/c-bj-1/notes')).status).toBe(403);
    const admin = await as('admin');
    expect((await admin.post('/api/v1/customers/c-bj-1/notes', body)).status).toBe(200);
    expect((await notesOf(db)).length).toBe(3);
  });

  it('a bad body is refused naming the field; the limit is 500 characters after trimming', async () => {
    const db = await t.open();
    const { as, url } = await start(db);
    const li = await as('sa-li');
    const detailsOf = async (json: unknown) => {
      const res = await li.post('/api/v1/customers/c-li-1/notes', json);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { details: { field: string; reason: string }[] } }).error.details;
    };
    const fieldsOf = async (json: unknown) => [...new Set((await detailsOf(json)).map((d) => d.field))];
    expect(await detailsOf({ notes: { drink: 'x'.repeat(501) } })).toEqual([{ field: 'notes.drink', reason: 'at most 500 characters' }]);
    expect(await detailsOf({ notes: { colour: 'blue' } })).toContainEqual({ field: 'notes', reason: expect.stringContaining('colour') });
    expect(await fieldsOf({ notes: {} })).toEqual(['notes']);
    expect(await fieldsOf({ notes: { job: 42 } })).toEqual(['notes.job']);
    expect(await fieldsOf({})).toEqual(['notes']);
    expect(await notesOf(db)).toEqual([]);
    // 500 characters is the limit, and the spaces around them do not count.
    expect((await li.post('/api/v1/customers/c-li-1/notes', { notes: { other: ` ${'好'.repeat(500)} ` } })).status).toBe(200);
    expect((await notesOf(db))[0]!.text).toHaveLength(500);

    // A task of another customer, or (for a token) a staff member who does not exist: 422 naming it.
    const zhaoTask = await seedTask(db, { customerId: 'c-zhao-1', due: null, createdAt: T0 });
    const wrongTask = await li.post('/api/v1/customers/c-li-1/notes', { notes: { job: '老师' }, taskId: zhaoTask });
    expect(wrongTask.status).toBe(422);
    expect(await wrongTask.json()).toMatchObject({ error: { details: [{ field: 'taskId' }] } });
    const token = await createApiToken(db, 'crm', minutes(0));
    const viaToken = (staffId: string) => fetch(`${url}/api/v1/customers/c-li-1/notes`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ notes: { job: '老师' }, staffId }),
    });
    const unknownStaff = await viaToken('sa-ghost');
    expect(unknownStaff.status).toBe(422);
    expect(await unknownStaff.json()).toMatchObject({ error: { details: [{ field: 'staffId' }] } });
    expect((await viaToken('sa-zhao')).status).toBe(200);
    expect((await notesOf(db)).at(-1)).toMatchObject({ text: '老师', staff_id: 'sa-zhao' });
  });

  it('phone numbers written in a note are masked in every answer, the task script and the export; the database keeps the text as written', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const li = await as('sa-li');
    await li.post('/api/v1/customers/c-li-1/notes', { notes: { family: '太太139-1234-5678白天方便', other: '推荐人电话 13900001111' } });
    const view = await li.json<NotesView>('/api/v1/customers/c-li-1/notes');
    expect(view.current.map((v) => v.text)).toEqual(['太太139****5678白天方便', '推荐人电话 139****1111']);
    expect(JSON.stringify(view)).not.toMatch(/1234-5678|00001111/);
    expect((await notesOf(db)).map((r) => r.text)).toEqual(['太太139-1234-5678白天方便', '推荐人电话 13900001111']);
    // A manager sees it masked too: nobody reads the number through Retain.
    expect(JSON.stringify(await (await as('admin')).json('/api/v1/customers/c-li-1/notes'))).not.toContain('13900001111');

    const task = await seedTask(db, { customerId: 'c-li-1', due: null, createdAt: T0, assigneeId: 'sa-li' });
    const detail = await li.json<Detail>(`/api/v1/tasks/${task}`);
    expect(detail.scripts.fields).toMatchObject({ family: '太太139****5678白天方便', personalNote: '推荐人电话 139****1111' });
    expect(JSON.stringify(detail)).not.toMatch(/1234-5678|00001111/);
    const scripts = await li.json<{ stages: unknown[] }>('/api/v1/customers/c-li-1/scripts');
    expect(JSON.stringify(scripts)).not.toMatch(/1234-5678|00001111/);

    const csv = new TextDecoder().decode(await (await li.call('/api/v1/notes/export?format=csv&lang=en')).arrayBuffer());
    expect(csv).toContain('太太139****5678白天方便');
    expect(csv).not.toMatch(/1234-5678|00001111/);
  });

  it('exports the current notes of the caller\'s scope as CSV and Excel, cleared topics left out', async () => {
    const db = await t.open();
    const { as, clock } = await start(db);
    const admin = await as('admin');
    await admin.post('/api/v1/customers/c-li-2/notes', { notes: { open_question: '保养能不能上门取车', drink: '茶' } });
    await admin.post('/api/v1/customers/c-zhao-1/notes', { notes: { job: '医生' } });
    await admin.post('/api/v1/customers/c-bj-1/notes', { notes: { drink: '可乐' } });
    clock.now = minutes(1);
    await admin.post('/api/v1/customers/c-li-2/notes', { notes: { drink: '' } });

    const li = await as('sa-li');
    const res = await li.call('/api/v1/notes/export?format=csv&lang=en');
    expect(res.headers.get('content-disposition')).toMatch(/filename="notes-2024-06-30\.csv"/);
    const lines = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      'Customer id,Name,Store,Topic,Note,Recorded at,Staff id,Recorded by',
      'c-li-2,客户2,上海浦东服务中心,open question,保养能不能上门取车,2024-06-30T10:00:00+08:00,admin,周敏',
    ]);
    // Asking for one customer outside the scope is refused like the customer itself.
    expect((await li.call('/api/v1/notes/export?customerId=c-zhao-1')).status).toBe(403);
    expect((await li.call('/api/v1/notes/export?customerId=c-nobody')).status).toBe(404);

    const sm = await as('sm-sh');
    const xlsx = await sm.call('/api/v1/notes/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const rows = book.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 6));
    expect(rows).toEqual([['c-li-2', '客户2', '上海浦东服务中心', '上次未决问题', '保养能不能上门取车'], ['c-zhao-1', '客户3', '上海浦东服务中心', '职业', '医生']]);
    // The store filter inside the scope narrows it; outside it, nothing.
    const other = await (await as('gm-east')).call('/api/v1/notes/export?storeId=bj-01');
    expect(new TextDecoder().decode(await other.arrayBuffer()).trim().split('\r\n')).toHaveLength(1);
  });

  it('notes recorded with a task outcome are saved with it, on that task, and the next call\'s script opens with the open question', async () => {
    const db = await t.open();
    const { as, clock } = await start(db);
    const li = await as('sa-li');
    const call = await seedTask(db, { customerId: 'c-li-1', due: null, createdAt: T0, assigneeId: 'sa-li' });
    const res = await li.post(`/api/v1/tasks/${call}/outcome`, { result: 'reached', notes: { open_question: '想知道冬季续航怎么保养', drink: '冰美式' } });
    expect(res.status).toBe(200);
    expect(await notesOf(db)).toEqual([
      { topic: 'drink', text: '冰美式', staff_id: 'sa-li', task_id: call, source: 'staff' },
      { topic: 'open_question', text: '想知道冬季续航怎么保养', staff_id: 'sa-li', task_id: call, source: 'staff' },
    ]);

    // A week later (signed in again: a session ends after 12 idle hours), the next call.
    clock.now = minutes(60 * 24 * 7);
    const liNextWeek = await as('sa-li');
    const next = await seedTask(db, { customerId: 'c-li-1', due: null, createdAt: clock.now.toISOString(), assigneeId: 'sa-li' });
    const detail = await liNextWeek.json<Detail>(`/api/v1/tasks/${next}`);
    expect(detail.scripts.stages[0]).toMatchObject({ id: 'orange.opening', tip: expect.stringContaining('上次留下的问题：想知道冬季续航怎么保养') });
    expect(detail.notes.current.map((n) => [n.topic, n.text, n.taskId])).toEqual([['drink', '冰美式', call], ['open_question', '想知道冬季续航怎么保养', call]]);
    const en = await liNextWeek.json<Detail>(`/api/v1/tasks/${next}?lang=en`);
    expect(en.scripts.stages[0]!.tip).toContain('Left open last time: 想知道冬季续航怎么保养');

    // A bad note refuses the whole call: the outcome is not recorded either.
    const bad = await liNextWeek.post(`/api/v1/tasks/${next}/outcome`, { result: 'reached', notes: { job: 'x'.repeat(501) } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: [{ field: 'notes.job' }] } });
    expect((await db.query<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [next]))[0]!.status).toBe('open');
    // A task already closed answers 409 and keeps no notes.
    const again = await liNextWeek.post(`/api/v1/tasks/${call}/outcome`, { result: 'reached', notes: { job: '工程师' } });
    expect(again.status).toBe(409);
    expect((await notesOf(db)).map((n) => n.topic)).toEqual(['drink', 'open_question']);
    // No answer counts an attempt, and what was noted still stays.
    expect((await liNextWeek.post(`/api/v1/tasks/${next}/outcome`, { result: 'no_answer', notes: { open_question: '' } })).status).toBe(200);
    expect((await liNextWeek.json<NotesView>('/api/v1/customers/c-li-1/notes')).current.find((n) => n.topic === 'open_question')?.text).toBeNull();
  });

  it('a call reached on a task is a proactive touch at once: the customer is re-evaluated, their care status follows', async () => {
    const db = await t.open();
    const { as, clock } = await start(db);
    const li = await as('sa-li');
    const care = async () => (await db.query<{ as_of: string; care: { lastTouch: string | null; lastTouchKind: string | null } }>(
      "SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, record->'care' AS care FROM evaluations WHERE customer_id = 'c-li-1' ORDER BY as_of DESC LIMIT 1",
    ))[0];
    clock.now = minutes(60);
    const call = await seedTask(db, { customerId: 'c-li-1', due: null, createdAt: T0, assigneeId: 'sa-li' });
    expect((await li.post(`/api/v1/tasks/${call}/outcome`, { result: 'reached' })).status).toBe(200);
    expect(await care()).toMatchObject({ as_of: '2024-06-30', care: { lastTouch: '2024-06-30', lastTouchKind: 'call' } });
    // No answer is no touch: the day's evaluation still names the call that was answered.
    clock.now = minutes(60 * 24);
    const unanswered = await seedTask(db, { customerId: 'c-li-1', due: null, createdAt: clock.now.toISOString(), assigneeId: 'sa-li' });
    expect((await (await as('sa-li')).post(`/api/v1/tasks/${unanswered}/outcome`, { result: 'no_answer' })).status).toBe(200);
    expect(await care()).toMatchObject({ as_of: '2024-07-01', care: { lastTouch: '2024-06-30', lastTouchKind: 'call' } });
  });
});

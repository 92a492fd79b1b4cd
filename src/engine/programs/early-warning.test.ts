import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { actionLines, arrive, dueAt, evaluateAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

// c1 is new (since March: no health warning) and last came on 5 March; on 10 May R = 66, which
// is orange by the response level (R 61–90): the advisor's call, 72 h.
const T = '2024-05-10T10:00:00+08:00';
const data = () => writeProgramFixture([{ id: 'c1' }], [ev.visit('c1', '2024-03-05T10:00:00+08:00')]);

describeEachDatabase('early-warning response (programs.md §1)', (t) => {
  it('orange at T: advisor call due T+72h; missed → service manager, then store manager', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, T, ['c1']);
    expect(await actionLines(db)).toEqual([
      `${T} warning_opened c1 level=orange reasons=[3]`,
      `${T} task_created c1 taskId=t1 type=call role=advisor assigneeId=sa-li due=2024-05-13T10:00:00+08:00 program=early_warning_orange step=orange_call`,
    ]);
    expect(await dueAt(db, '2024-05-13T09:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-05-13T10:00:00+08:00');
    await dueAt(db, '2024-05-14T10:00:00+08:00');
    expect((await actionLines(db)).slice(2)).toEqual([
      '2024-05-13T10:00:00+08:00 task_escalated c1 taskId=t1 newTaskId=t2 role=service_manager assigneeId=sm-wang due=2024-05-14T10:00:00+08:00',
      '2024-05-14T10:00:00+08:00 task_escalated c1 taskId=t2 newTaskId=t3 role=store_manager assigneeId=st-zhao due=2024-05-15T10:00:00+08:00',
    ]);
    // The ladder ends with the store manager: overdue, escalated no further.
    expect(await dueAt(db, '2024-05-16T10:00:00+08:00')).toBe(0);
    const open = await db.query<{ id: string; role: string }>("SELECT id, role FROM tasks WHERE status = 'open'");
    expect(open).toEqual([{ id: 't3', role: 'store_manager' }]);
  });

  it('the customer books at T+10h: the chase stops, nothing escalates, the effect is still checked after 7 days', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, T, ['c1']);
    await arrive(db, '2024-05-10T20:00:00+08:00', [ev.booked('c1', '2024-05-10T20:00:00+08:00')]);
    expect((await actionLines(db)).slice(2)).toEqual(['2024-05-10T20:00:00+08:00 task_closed c1 taskId=t1 outcome=booked']);
    expect(await dueAt(db, '2024-05-13T10:00:00+08:00')).toBe(0);
    await dueAt(db, '2024-05-17T10:00:00+08:00');
    expect((await actionLines(db)).slice(3)).toEqual([
      '2024-05-17T10:00:00+08:00 task_created c1 taskId=t2 type=checklist role=retention_specialist assigneeId=rs-he due=2024-05-18T10:00:00+08:00 program=early_warning_orange step=effect_check',
    ]);
  });

  it("a call event with the advisor's outcome closes the call task; no answer leaves it open", async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, T, ['c1']);
    await arrive(db, '2024-05-10T15:00:00+08:00', [ev.call('c1', '2024-05-10T15:00:00+08:00', 'sa-li', 'no_answer', false)]);
    expect(await actionLines(db)).toHaveLength(2);
    const [attempt] = await db.query<{ status: string; attempts: number }>("SELECT status, attempts FROM tasks WHERE id = 't1'");
    expect(attempt).toEqual({ status: 'open', attempts: 1 });
    await arrive(db, '2024-05-11T11:00:00+08:00', [ev.call('c1', '2024-05-11T11:00:00+08:00', 'sa-li', 'reached')]);
    // (Two calls, one answered, make the call-answer rate a silent indicator: a WeChat reminder is queued too.)
    expect((await actionLines(db)).slice(2).filter((l) => l.includes('task'))).toEqual(['2024-05-11T11:00:00+08:00 task_closed c1 taskId=t1 outcome=reached']);
    await dueAt(db, '2024-05-13T10:00:00+08:00');
    expect((await actionLines(db)).filter((l) => l.includes('escalated'))).toEqual([]);
  });

  it('risk and health warnings together open one task, for the more urgent role, with both reasons', async () => {
    const db = await t.open();
    // A customer of long standing: one visit in a year → health 40 (orange: service manager, 24 h).
    await loadFixture(db, writeProgramFixture([{ id: 'c2', since: '2022-01-10' }], [ev.visit('c2', '2024-03-05T10:00:00+08:00')]));
    await evaluateAt(db, T, ['c2']);
    const lines = await actionLines(db);
    expect(lines.filter((l) => l.includes('task_created'))).toEqual([
      `${T} task_created c2 taskId=t1 type=call role=service_manager assigneeId=sm-wang due=2024-05-11T10:00:00+08:00 program=health_orange step=health_orange_call`,
    ]);
    const [task] = await db.query<{ reasons: string[]; step_keys: string[] }>("SELECT reasons, step_keys FROM tasks WHERE id = 't1'");
    expect(task!.step_keys.map((k) => k.split('/')[0])).toEqual(['health_orange', 'early_warning_orange']);
    expect(task!.reasons.some((r) => r.startsWith('health'))).toBe(true);
    expect(task!.reasons.length).toBeGreaterThan(1);
  });

  it('re-running the evaluation and the worker never duplicates a task or an action', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, T, ['c1']);
    await evaluateAt(db, T, ['c1']);
    await evaluateAt(db, '2024-05-10T11:00:00+08:00', ['c1']);
    await dueAt(db, '2024-05-13T10:00:00+08:00');
    await dueAt(db, '2024-05-13T10:00:00+08:00');
    await evaluateAt(db, '2024-05-13T10:30:00+08:00', ['c1']);
    const lines = await actionLines(db);
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['warning_opened', 'task_created', 'task_escalated']);
    const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks');
    expect(count!.n).toBe(2);
  });
});

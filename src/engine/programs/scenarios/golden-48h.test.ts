import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { listActions } from '../list-actions.js';
import { actionLines, arrive, dueAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §3. c1 is a recent customer (no warning of any kind); the visit closes on Monday
// 3 June 2024 at 10:00 (V): the SA calls at V+2h, the WeChat care goes at V+24h, and a rating
// below 4 (or an NPS ≤ 6) within 48 h alerts the store manager at once. The rating is resolved
// when a complaint of the customer closes after it (the data has no event of its own for that).
const V = '2024-06-03T10:00:00+08:00';
const customers = (ids: string[], events: Record<string, unknown>[] = []) => writeProgramFixture(ids.map((id) => ({ id, since: '2024-05-15' })), events);
const visits = (ids: string[]) => ids.map((id) => svc.visit(id, V, `g-${id}`));
const lowRating = { programs: ['low_rating'] };

describeEachDatabase('post-service golden 48 hours (programs.md §3)', (t) => {
  it('SA call at V+2h (due V+6h, then the service manager by V+10h); WeChat care at V+24h (due V+48h)', async () => {
    const db = await t.open();
    await loadFixture(db, customers(['c1']));
    await arrive(db, V, visits(['c1']));
    expect(await dueAt(db, '2024-06-03T11:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-06-03T12:00:00+08:00');
    expect(await dueAt(db, '2024-06-03T15:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-06-03T16:00:00+08:00');
    expect(await dueAt(db, '2024-06-04T09:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-06-04T10:00:00+08:00');
    expect(await actionLines(db)).toEqual([
      '2024-06-03T12:00:00+08:00 task_created c1 taskId=t1 type=call role=advisor assigneeId=sa-li due=2024-06-03T16:00:00+08:00 program=post_service step=sa_call',
      '2024-06-03T16:00:00+08:00 task_escalated c1 taskId=t1 newTaskId=t2 role=service_manager assigneeId=sm-wang due=2024-06-03T20:00:00+08:00',
      '2024-06-04T10:00:00+08:00 task_created c1 taskId=t3 type=wechat role=advisor assigneeId=sa-li due=2024-06-05T10:00:00+08:00 program=post_service step=wechat_care',
    ]);
    // Neither the service manager's call nor the WeChat care has a further rung.
    expect(await dueAt(db, '2024-06-06T10:00:00+08:00')).toBe(0);
  });

  it("the SA's call recorded at V+3h closes the task before its deadline; the WeChat care still follows", async () => {
    const db = await t.open();
    await loadFixture(db, customers(['c1']));
    await arrive(db, V, visits(['c1']));
    await dueAt(db, '2024-06-03T12:00:00+08:00');
    await arrive(db, '2024-06-03T13:00:00+08:00', [svc.call('c1', '2024-06-03T13:00:00+08:00', 'sa-li', 'reached')]);
    expect(await dueAt(db, '2024-06-03T16:00:00+08:00')).toBe(0);
    await dueAt(db, '2024-06-04T10:00:00+08:00');
    expect(await actionLines(db)).toEqual([
      '2024-06-03T12:00:00+08:00 task_created c1 taskId=t1 type=call role=advisor assigneeId=sa-li due=2024-06-03T16:00:00+08:00 program=post_service step=sa_call',
      '2024-06-03T13:00:00+08:00 task_closed c1 taskId=t1 outcome=reached',
      '2024-06-04T10:00:00+08:00 task_created c1 taskId=t2 type=wechat role=advisor assigneeId=sa-li due=2024-06-05T10:00:00+08:00 program=post_service step=wechat_care',
    ]);
  });

  it('a satisfaction of 3 at V+47h: store manager call in 30 min (then the GM), resolved in 24 h (then the GM); nothing resolved, no re-visit call', async () => {
    const db = await t.open();
    await loadFixture(db, customers(['c1']));
    await arrive(db, V, visits(['c1']));
    for (const now of ['2024-06-03T12:00:00+08:00', '2024-06-03T16:00:00+08:00', '2024-06-04T10:00:00+08:00']) await dueAt(db, now);
    const R = '2024-06-05T09:00:00+08:00';
    await arrive(db, R, [svc.satisfaction('c1', R, 3)]);
    const before = await programLines(db, lowRating);
    await dueAt(db, '2024-06-05T09:29:59+08:00');
    expect(await programLines(db, lowRating)).toEqual(before);
    await dueAt(db, '2024-06-05T09:30:00+08:00');
    await dueAt(db, '2024-06-06T08:59:59+08:00');
    expect(await programLines(db, lowRating)).toHaveLength(3);
    await dueAt(db, '2024-06-06T09:00:00+08:00');
    await dueAt(db, '2024-06-12T09:00:00+08:00');
    expect(await programLines(db, lowRating)).toEqual([
      `${R} task_created c1 taskId=#1 type=call role=store_manager assigneeId=st-zhao due=2024-06-05T09:30:00+08:00 program=low_rating step=manager_call`,
      `${R} task_created c1 taskId=#2 type=checklist role=store_manager assigneeId=st-zhao due=2024-06-06T09:00:00+08:00 program=low_rating step=resolve`,
      '2024-06-05T09:30:00+08:00 task_escalated c1 taskId=#1 newTaskId=#3 role=general_manager assigneeId=gm-chen due=2024-06-05T11:30:00+08:00',
      '2024-06-06T09:00:00+08:00 task_escalated c1 taskId=#2 newTaskId=#4 role=general_manager assigneeId=gm-chen due=2024-06-07T09:00:00+08:00',
    ]);
    // The re-visit call still waits for the resolution: planned, with no time yet.
    const waiting = await db.query<{ status: string; due: Date | null }>("SELECT status, due FROM program_steps WHERE key LIKE 'low_rating/c1/%/revisit_call'");
    expect(waiting).toEqual([{ status: 'pending', due: null }]);
  });

  it('the re-visit call comes 24 h after the resolution (a complaint closed), which closes the open work', async () => {
    const db = await t.open();
    await loadFixture(db, customers(['c1']));
    await arrive(db, V, visits(['c1']));
    const R = '2024-06-03T15:00:00+08:00';
    const closed = '2024-06-04T11:00:00+08:00';
    await arrive(db, R, [svc.satisfaction('c1', R, 2)]);
    await arrive(db, '2024-06-03T15:10:00+08:00', [svc.call('c1', '2024-06-03T15:10:00+08:00', 'st-zhao', 'reached')]);
    await arrive(db, '2024-06-03T15:30:00+08:00', [svc.complaintOpened('c1', '2024-06-03T15:30:00+08:00', 'cp1')]);
    await arrive(db, closed, [svc.complaintClosed('c1', closed, 'cp1')]);
    expect(await dueAt(db, '2024-06-05T10:59:59+08:00')).toBe(0);
    await dueAt(db, '2024-06-05T11:00:00+08:00');
    expect(await programLines(db, lowRating)).toEqual([
      `${R} task_created c1 taskId=#1 type=call role=store_manager assigneeId=st-zhao due=2024-06-03T15:30:00+08:00 program=low_rating step=manager_call`,
      `${R} task_created c1 taskId=#2 type=checklist role=store_manager assigneeId=st-zhao due=2024-06-04T15:00:00+08:00 program=low_rating step=resolve`,
      '2024-06-03T15:10:00+08:00 task_closed c1 taskId=#1 outcome=reached',
      `${closed} task_closed c1 taskId=#2 outcome=complaint_closed`,
      '2024-06-05T11:00:00+08:00 task_created c1 taskId=#3 type=call role=advisor assigneeId=sa-li due=2024-06-06T11:00:00+08:00 program=low_rating step=revisit_call',
    ]);
  });

  it('a complaint closed one second before the rating is not its resolution; one second after, it is', async () => {
    const db = await t.open();
    await loadFixture(db, customers(['c1', 'c2']));
    await arrive(db, V, visits(['c1', 'c2']));
    const R = '2024-06-03T15:00:00+08:00';
    await arrive(db, R, [svc.satisfaction('c1', R, 2), svc.satisfaction('c2', R, 2)]);
    // Both closings reach Retain ten minutes later, from the complaint desk's feed.
    await arrive(db, '2024-06-03T15:10:00+08:00', [
      svc.complaintClosed('c1', '2024-06-03T14:59:59+08:00', 'cp1'), svc.complaintClosed('c2', '2024-06-03T15:00:01+08:00', 'cp2'),
    ]);
    const lines = (customerId: string) => programLines(db, { ...lowRating, customerId });
    await dueAt(db, '2024-06-03T15:30:00+08:00');
    await dueAt(db, '2024-06-04T15:00:00+08:00');
    expect((await lines('c2')).filter((l) => l.includes('revisit_call'))).toEqual([]);
    await dueAt(db, '2024-06-04T15:00:01+08:00');
    await dueAt(db, '2024-06-10T15:00:00+08:00');
    // c1: still unresolved, the resolution task goes up to the GM and no re-visit call is owed.
    expect((await lines('c1')).slice(2)).toEqual([
      '2024-06-03T15:30:00+08:00 task_escalated c1 taskId=#1 newTaskId=#3 role=general_manager assigneeId=gm-chen due=2024-06-03T17:30:00+08:00',
      '2024-06-04T15:00:00+08:00 task_escalated c1 taskId=#2 newTaskId=#4 role=general_manager assigneeId=gm-chen due=2024-06-05T15:00:00+08:00',
    ]);
    expect((await lines('c2')).slice(2)).toEqual([
      '2024-06-03T15:00:01+08:00 task_closed c2 taskId=#1 outcome=complaint_closed',
      '2024-06-03T15:00:01+08:00 task_closed c2 taskId=#2 outcome=complaint_closed',
      '2024-06-04T15:00:01+08:00 task_created c2 taskId=#3 type=call role=advisor assigneeId=sa-li due=2024-06-05T15:00:01+08:00 program=low_rating step=revisit_call',
    ]);
  });

  it('which ratings alert: satisfaction 3 at V+48h does, one second later not; satisfaction 4 not; NPS 6 does, NPS 7 not', async () => {
    const db = await t.open();
    const late = '2024-06-05T10:00:01+08:00';
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    await loadFixture(db, customers(ids));
    await arrive(db, V, visits(ids));
    await arrive(db, '2024-06-03T11:00:00+08:00', [
      svc.satisfaction('c3', '2024-06-03T11:00:00+08:00', 4), svc.nps('c4', '2024-06-03T11:00:00+08:00', 6), svc.nps('c5', '2024-06-03T11:00:00+08:00', 7),
    ]);
    await arrive(db, '2024-06-05T10:00:00+08:00', [svc.satisfaction('c1', '2024-06-05T10:00:00+08:00', 3)]);
    await arrive(db, late, [svc.satisfaction('c2', late, 3)]);
    const actions = await listActions(db);
    const alerts = (customerId: string) => onlyLines(actions, { ...lowRating, customerId }).filter((l) => l.includes('step=manager_call'));
    expect(alerts('c1')).toEqual([
      '2024-06-05T10:00:00+08:00 task_created c1 taskId=#1 type=call role=store_manager assigneeId=st-zhao due=2024-06-05T10:30:00+08:00 program=low_rating step=manager_call',
    ]);
    expect(alerts('c4')).toEqual([
      '2024-06-03T11:00:00+08:00 task_created c4 taskId=#1 type=call role=store_manager assigneeId=st-zhao due=2024-06-03T11:30:00+08:00 program=low_rating step=manager_call',
    ]);
    for (const quiet of ['c2', 'c3', 'c5']) expect(alerts(quiet)).toEqual([]);
  });

  it('the replay: a satisfaction of 2 at V+5h, the store manager calls 20 min later; the resolution is missed, so no re-visit call', async () => {
    const actions = await replay(customers(['c1'], [
      ...visits(['c1']),
      svc.satisfaction('c1', '2024-06-03T15:00:00+08:00', 2), svc.call('c1', '2024-06-03T15:20:00+08:00', 'st-zhao', 'reached'),
    ]), '2024-06-03T09:00:00+08:00', '2024-06-04');
    expect(onlyLines(actions, { programs: ['post_service', 'low_rating'] })).toEqual([
      '2024-06-03T12:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-03T16:00:00+08:00 program=post_service step=sa_call',
      '2024-06-03T15:00:00+08:00 task_created c1 taskId=#2 type=call role=store_manager assigneeId=st-zhao due=2024-06-03T15:30:00+08:00 program=low_rating step=manager_call',
      '2024-06-03T15:00:00+08:00 task_created c1 taskId=#3 type=checklist role=store_manager assigneeId=st-zhao due=2024-06-04T15:00:00+08:00 program=low_rating step=resolve',
      '2024-06-03T15:20:00+08:00 task_closed c1 taskId=#2 outcome=reached',
      '2024-06-03T16:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#4 role=service_manager assigneeId=sm-wang due=2024-06-03T20:00:00+08:00',
      '2024-06-04T10:00:00+08:00 task_created c1 taskId=#5 type=wechat role=advisor assigneeId=sa-li due=2024-06-05T10:00:00+08:00 program=post_service step=wechat_care',
      '2024-06-04T15:00:00+08:00 task_escalated c1 taskId=#3 newTaskId=#6 role=general_manager assigneeId=gm-chen due=2024-06-05T15:00:00+08:00',
    ]);
  });
});

import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { arrive, dueAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §4. Complaint k1 is opened on Monday 3 June 2024 at 10:00 (C): the service manager
// responds within 1 h, has a solution within 24 h and resolves it within 72 h; after it closes
// (K): a confirmation call at K+72h, a goodwill gesture at K+7d, a check-in at K+30d. (A
// complaint also makes the customer silent-yellow, whose warning work the other files cover.)
const C = '2024-06-03T10:00:00+08:00';
const data = (events: Record<string, unknown>[] = []) => writeProgramFixture([{ id: 'c1', since: '2024-05-15' }], events);
const complaint = { programs: ['complaint_open', 'complaint_after'] };
// Steps due together open in the order of their keys: resolve, respond, solution.
const opened = [
  `${C} task_created c1 taskId=#1 type=checklist role=service_manager assigneeId=sm-wang due=2024-06-06T10:00:00+08:00 program=complaint_open step=resolve`,
  `${C} task_created c1 taskId=#2 type=call role=service_manager assigneeId=sm-wang due=2024-06-03T11:00:00+08:00 program=complaint_open step=respond`,
  `${C} task_created c1 taskId=#3 type=checklist role=service_manager assigneeId=sm-wang due=2024-06-04T10:00:00+08:00 program=complaint_open step=solution`,
];

describeEachDatabase('complaint closure (programs.md §4)', (t) => {
  it('nobody acts: respond → store manager at C+1h, solution → store manager at C+24h, resolve → store manager at C+72h, then the GM', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, C, [svc.complaintOpened('c1', C, 'k1')]);
    expect(await programLines(db, complaint)).toEqual(opened);
    await dueAt(db, '2024-06-03T10:59:59+08:00');
    expect(await programLines(db, complaint)).toEqual(opened);
    for (const now of ['2024-06-03T11:00:00+08:00', '2024-06-04T10:00:00+08:00', '2024-06-06T09:59:59+08:00']) await dueAt(db, now);
    expect(await programLines(db, complaint)).toHaveLength(5);
    for (const now of ['2024-06-06T10:00:00+08:00', '2024-06-07T10:00:00+08:00', '2024-06-09T10:00:00+08:00']) await dueAt(db, now);
    expect((await programLines(db, complaint)).slice(3)).toEqual([
      '2024-06-03T11:00:00+08:00 task_escalated c1 taskId=#2 newTaskId=#4 role=store_manager assigneeId=st-zhao due=2024-06-03T12:00:00+08:00',
      '2024-06-04T10:00:00+08:00 task_escalated c1 taskId=#3 newTaskId=#5 role=store_manager assigneeId=st-zhao due=2024-06-05T10:00:00+08:00',
      '2024-06-06T10:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#6 role=store_manager assigneeId=st-zhao due=2024-06-07T10:00:00+08:00',
      '2024-06-07T10:00:00+08:00 task_escalated c1 taskId=#6 newTaskId=#7 role=general_manager assigneeId=gm-chen due=2024-06-08T10:00:00+08:00',
    ]);
  });

  it('answered within the hour, closed the next morning: the open work closes; confirm at K+72h, goodwill at K+7d, check-in at K+30d', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, C, [svc.complaintOpened('c1', C, 'k1')]);
    await arrive(db, '2024-06-03T10:40:00+08:00', [svc.call('c1', '2024-06-03T10:40:00+08:00', 'sm-wang', 'reached')]);
    const K = '2024-06-04T09:00:00+08:00';
    await arrive(db, K, [svc.complaintClosed('c1', K, 'k1')]);
    // Closed: the solution (due 10:00) and the resolution never escalate.
    for (const now of ['2024-06-04T10:00:00+08:00', '2024-06-06T10:00:00+08:00', '2024-06-07T08:59:59+08:00']) await dueAt(db, now);
    expect((await programLines(db, complaint)).slice(3)).toEqual([
      '2024-06-03T10:40:00+08:00 task_closed c1 taskId=#2 outcome=reached',
      `${K} task_closed c1 taskId=#1 outcome=complaint_closed`,
      `${K} task_closed c1 taskId=#3 outcome=complaint_closed`,
    ]);
    for (const now of ['2024-06-07T09:00:00+08:00', '2024-06-08T09:00:00+08:00', '2024-06-11T08:59:59+08:00', '2024-06-11T09:00:00+08:00']) await dueAt(db, now);
    for (const now of ['2024-07-04T08:59:59+08:00', '2024-07-04T09:00:00+08:00', '2024-07-10T09:00:00+08:00']) await dueAt(db, now);
    expect((await programLines(db, complaint)).slice(6)).toEqual([
      '2024-06-07T09:00:00+08:00 task_created c1 taskId=#4 type=call role=advisor assigneeId=sa-li due=2024-06-08T09:00:00+08:00 program=complaint_after step=confirm',
      '2024-06-08T09:00:00+08:00 task_escalated c1 taskId=#4 newTaskId=#5 role=service_manager assigneeId=sm-wang due=2024-06-09T09:00:00+08:00',
      '2024-06-11T09:00:00+08:00 task_created c1 taskId=#6 type=approval role=service_manager assigneeId=sm-wang due=2024-06-13T09:00:00+08:00 program=complaint_after step=goodwill',
      '2024-07-04T09:00:00+08:00 task_created c1 taskId=#7 type=call role=advisor assigneeId=sa-li due=2024-07-07T09:00:00+08:00 program=complaint_after step=checkin_30',
    ]);
    // The complaint stays on the customer's record: the next one is seen against it.
    const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE customer_id = 'c1' AND type IN ('complaint_opened', 'complaint_closed')");
    expect(n!.n).toBe(2);
  });

  it("another complaint's close stops only that complaint's work", async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, C, [svc.complaintOpened('c1', C, 'k1'), svc.complaintOpened('c1', C, 'k2')]);
    await arrive(db, '2024-06-03T10:30:00+08:00', [svc.complaintClosed('c1', '2024-06-03T10:30:00+08:00', 'k2')]);
    const [open] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM tasks WHERE status = 'open' AND program_id = 'complaint_open' AND trigger_key = 'event:co-k1'",
    );
    expect(open!.n).toBe(3);
    const closed = await db.query<{ step_id: string; outcome: string }>(
      "SELECT step_id, outcome FROM tasks WHERE status = 'closed' AND program_id = 'complaint_open' ORDER BY step_id",
    );
    expect(closed).toEqual([
      { step_id: 'resolve', outcome: 'complaint_closed' }, { step_id: 'respond', outcome: 'complaint_closed' }, { step_id: 'solution', outcome: 'complaint_closed' },
    ]);
  });

  it('the replay: answered in 30 min, the solution late, closed on day 3; the confirmation call at K+72h', async () => {
    const K = '2024-06-05T16:00:00+08:00';
    const actions = await replay(data([
      svc.complaintOpened('c1', C, 'k1'), svc.call('c1', '2024-06-03T10:30:00+08:00', 'sm-wang', 'reached'), svc.complaintClosed('c1', K, 'k1'),
    ]), '2024-06-03T09:00:00+08:00', '2024-06-08T16:00:00+08:00');
    expect(onlyLines(actions, complaint)).toEqual([
      ...opened,
      '2024-06-03T10:30:00+08:00 task_closed c1 taskId=#2 outcome=reached',
      '2024-06-04T10:00:00+08:00 task_escalated c1 taskId=#3 newTaskId=#4 role=store_manager assigneeId=st-zhao due=2024-06-05T10:00:00+08:00',
      `${K} task_closed c1 taskId=#1 outcome=complaint_closed`,
      `${K} task_closed c1 taskId=#4 outcome=complaint_closed`,
      '2024-06-08T16:00:00+08:00 task_created c1 taskId=#5 type=call role=advisor assigneeId=sa-li due=2024-06-09T16:00:00+08:00 program=complaint_after step=confirm',
    ]);
  });
});

import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { arrive, dueAt, evaluateAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §5, the chases a behaviour signal starts (scoring §2).
//
// Maintenance overdue without answer: c1's car was delivered on 27 May 2023 (12-month interval,
// no maintenance since: due 27 May 2024); three repair visits keep R low and health good. Three
// reminders after the last visit went unanswered, so the signal fires on the day the car is 7
// days overdue — Monday 3 June at the 02:00 evaluation — and the chase runs in working time
// (09:00–18:00): the SA's call that day, a personal offer on day 14, the service manager's free
// inspection on day 21.
const repair = (day: string, km: number) => svc.visit('c1', `${day}T10:00:00+08:00`, `r-${day}`, { kind: 'repair', amount: 3000, mileage: km });
const overdue = [
  repair('2023-09-10', 4000), repair('2024-01-15', 8000), repair('2024-05-10', 12000),
  ...['2024-05-20', '2024-05-27', '2024-06-01'].map((d) => svc.reminder('c1', `${d}T10:00:00+08:00`)),
];
const maintenance = (events: Record<string, unknown>[] = []) => writeProgramFixture([{ id: 'c1', since: '2023-05-27' }], [...overdue, ...events]);
const chase = { programs: ['maintenance_chase'] };
const nightly = (day: string) => `${day}T02:00:00+08:00`;

// NPS drop: c2 rated 9 on 21 May; a 7 on 3 June at 10:00 is a drop of 2.
const N = '2024-06-03T10:00:00+08:00';
const npsData = () => writeProgramFixture([{ id: 'c2', since: '2024-05-15' }], [
  svc.visit('c2', '2024-05-20T11:00:00+08:00', 'n-1'), svc.nps('c2', '2024-05-21T10:00:00+08:00', 9),
]);
const npsDrop = { programs: ['nps_drop'], purposes: ['rating_request'] };
// The request is asked of the outbox; whether it leaves is the outbox's and the templates' matter.
const asked = (lines: string[]) => lines.filter((l) => !l.includes(' message_') || l.includes(' message_queued '));

describeEachDatabase('signal-specific chases (programs.md §5)', (t) => {
  it('maintenance: no chase at 6 days overdue; at 7, the SA call at 09:00 (due next day, then the service manager); day 14 offer; day 21 inspection', async () => {
    const db = await t.open();
    await loadFixture(db, maintenance());
    await evaluateAt(db, nightly('2024-06-02'), ['c1']);
    await dueAt(db, '2024-06-02T18:00:00+08:00');
    expect(await programLines(db, chase)).toEqual([]);
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await dueAt(db, '2024-06-03T08:59:59+08:00');
    expect(await programLines(db, chase)).toEqual([]);
    for (const day of ['2024-06-03', '2024-06-04', '2024-06-10', '2024-06-11', '2024-06-17', '2024-06-18', '2024-06-19']) {
      await dueAt(db, `${day}T08:59:59+08:00`);
      await dueAt(db, `${day}T09:00:00+08:00`);
    }
    expect(await programLines(db, chase)).toEqual([
      '2024-06-03T09:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-04T09:00:00+08:00 program=maintenance_chase step=day7_call',
      '2024-06-04T09:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-05T09:00:00+08:00',
      '2024-06-10T09:00:00+08:00 task_created c1 taskId=#3 type=wechat role=advisor assigneeId=sa-li due=2024-06-11T09:00:00+08:00 program=maintenance_chase step=day14_offer',
      '2024-06-17T09:00:00+08:00 task_created c1 taskId=#4 type=call role=service_manager assigneeId=sm-wang due=2024-06-18T09:00:00+08:00 program=maintenance_chase step=day21_inspection',
      '2024-06-18T09:00:00+08:00 task_escalated c1 taskId=#4 newTaskId=#5 role=store_manager assigneeId=st-zhao due=2024-06-19T09:00:00+08:00',
    ]);
    // The signal still fires the next night: the same chase, not a second one.
    await evaluateAt(db, nightly('2024-06-04'), ['c1']);
    const [runs] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM program_runs WHERE program_id = 'maintenance_chase'");
    expect(runs!.n).toBe(1);
  });

  it('maintenance: the customer books on day 9 — the open call closes, day 14 and day 21 never come', async () => {
    const db = await t.open();
    await loadFixture(db, maintenance());
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await dueAt(db, '2024-06-03T09:00:00+08:00');
    await dueAt(db, '2024-06-04T09:00:00+08:00');
    const B = '2024-06-05T08:30:00+08:00';
    await arrive(db, B, [svc.booked('c1', B)]);
    for (const day of ['2024-06-10', '2024-06-17', '2024-06-18']) await dueAt(db, `${day}T09:00:00+08:00`);
    expect((await programLines(db, chase)).slice(2)).toEqual([`${B} task_closed c1 taskId=#2 outcome=booked`]);
  });

  it('NPS drop: service manager call within 24 h (then the store manager), improvement plan within 48 h, a new rating asked at +72h', async () => {
    const db = await t.open();
    await loadFixture(db, npsData());
    await arrive(db, N, [svc.nps('c2', N, 7)]);
    for (const now of ['2024-06-04T09:59:59', '2024-06-04T10:00:00', '2024-06-05T10:00:00', '2024-06-06T09:59:59']) await dueAt(db, `${now}+08:00`);
    expect(await programLines(db, npsDrop)).toHaveLength(4);
    await dueAt(db, '2024-06-06T10:00:00+08:00');
    expect(asked(await programLines(db, npsDrop))).toEqual([
      `${N} task_created c2 taskId=#1 type=checklist role=service_manager assigneeId=sm-wang due=2024-06-05T10:00:00+08:00 program=nps_drop step=improvement_plan`,
      `${N} task_created c2 taskId=#2 type=call role=service_manager assigneeId=sm-wang due=2024-06-04T10:00:00+08:00 program=nps_drop step=manager_call`,
      '2024-06-04T10:00:00+08:00 task_escalated c2 taskId=#2 newTaskId=#3 role=store_manager assigneeId=st-zhao due=2024-06-05T10:00:00+08:00',
      '2024-06-05T10:00:00+08:00 task_escalated c2 taskId=#1 newTaskId=#4 role=store_manager assigneeId=st-zhao due=2024-06-06T10:00:00+08:00',
      '2024-06-06T10:00:00+08:00 message_queued c2 channel=sms purpose=rating_request',
    ]);
  });

  it("NPS drop: the service manager's call, recorded, closes the call; the plan is still owed", async () => {
    const db = await t.open();
    await loadFixture(db, npsData());
    await arrive(db, N, [svc.nps('c2', N, 7)]);
    await arrive(db, '2024-06-03T15:00:00+08:00', [svc.call('c2', '2024-06-03T15:00:00+08:00', 'sm-wang', 'reached')]);
    await dueAt(db, '2024-06-05T10:00:00+08:00');
    expect((await programLines(db, npsDrop)).slice(2)).toEqual([
      '2024-06-03T15:00:00+08:00 task_closed c2 taskId=#2 outcome=reached',
      '2024-06-05T10:00:00+08:00 task_escalated c2 taskId=#1 newTaskId=#3 role=store_manager assigneeId=st-zhao due=2024-06-06T10:00:00+08:00',
    ]);
  });

  it('the replay: the 02:00 run finds the signal; the customer books on day 15, with the offer task open', async () => {
    const B = '2024-06-11T12:00:00+08:00';
    const actions = await replay(maintenance([svc.booked('c1', B)]), '2024-06-02T12:00:00+08:00', '2024-06-20');
    expect(onlyLines(actions, chase)).toEqual([
      '2024-06-03T09:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-04T09:00:00+08:00 program=maintenance_chase step=day7_call',
      '2024-06-04T09:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-05T09:00:00+08:00',
      '2024-06-10T09:00:00+08:00 task_created c1 taskId=#3 type=wechat role=advisor assigneeId=sa-li due=2024-06-11T09:00:00+08:00 program=maintenance_chase step=day14_offer',
      `${B} task_closed c1 taskId=#2 outcome=booked`,
      `${B} task_closed c1 taskId=#3 outcome=booked`,
    ]);
  });
});

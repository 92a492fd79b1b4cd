import { expect, it } from 'vitest';
import { describeEachDatabase, type TestDatabase } from '../../../../test/databases.js';
import { listActions } from '../list-actions.js';
import { arrive, dueAt, evaluateAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §6, by the silent level of scoring §9 (one abnormal indicator yellow, two orange,
// three red); the wake-up runs in working time (09:00–18:00). c1 came on 20 May and used to
// write on WeChat twice a month: six messages in the 90 days to 3 June. On 4 June the oldest
// (6 March) leaves the window — 1.67 a month is a warning — so the 02:00 run finds c1 silent-yellow.
const wrote = ['2024-03-06', '2024-03-20', '2024-04-05', '2024-04-20', '2024-05-05', '2024-05-20'].map((d) => svc.wechatIn('c1', `${d}T10:00:00+08:00`));
const history = [...wrote, svc.visit('c1', '2024-05-20T11:00:00+08:00', 'v-c1')];
const data = (events: Record<string, unknown>[] = []) => writeProgramFixture([{ id: 'c1', since: '2024-01-10', wechat: 'wx_c1' }], [...history, ...events]);
const nightly = (day: string) => `${day}T02:00:00+08:00`;
const wakeUp = { programs: ['silent_yellow', 'silent_orange', 'silent_red'], purposes: ['maintenance_reminder'] };
const S = '2024-06-05T10:00:00+08:00';
const reminded = [
  '2024-06-04T09:00:00+08:00 message_queued c1 channel=wechat purpose=maintenance_reminder',
  '2024-06-04T09:00:00+08:00 message_sent c1 channel=wechat purpose=maintenance_reminder',
];
const careCall = `${S} task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-07T10:00:00+08:00 program=silent_orange step=care_call`;

/** c1 through the nights of 3 and 4 June (green, then yellow) and the 09:00 opening. */
async function silentYellow(t: TestDatabase) {
  const db = await t.open();
  await loadFixture(db, data());
  await evaluateAt(db, nightly('2024-06-03'), ['c1']);
  await evaluateAt(db, nightly('2024-06-04'), ['c1']);
  await dueAt(db, '2024-06-04T09:00:00+08:00');
  return db;
}

describeEachDatabase('silent-customer wake-up (programs.md §6)', (t) => {
  it('yellow: the friendly WeChat reminder at the next opening, not a second before', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await dueAt(db, '2024-06-03T18:00:00+08:00');
    expect(await programLines(db, wakeUp)).toEqual([]);
    await evaluateAt(db, nightly('2024-06-04'), ['c1']);
    await dueAt(db, '2024-06-04T08:59:59+08:00');
    expect(await programLines(db, wakeUp)).toEqual([]);
    await dueAt(db, '2024-06-04T09:00:00+08:00');
    expect(await programLines(db, wakeUp)).toEqual(reminded);
  });

  it("graded: a rating of 3 the next day makes it orange — the SA's care call, 2 working days, then the service manager", async () => {
    const db = await silentYellow(t);
    await arrive(db, S, [svc.satisfaction('c1', S, 3)]);
    await dueAt(db, '2024-06-07T09:59:59+08:00');
    expect(await programLines(db, wakeUp)).toEqual([...reminded, careCall]);
    await dueAt(db, '2024-06-07T10:00:00+08:00');
    await dueAt(db, '2024-06-08T10:00:00+08:00');
    expect((await programLines(db, wakeUp)).slice(3)).toEqual([
      '2024-06-07T10:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-08T10:00:00+08:00',
    ]);
  });

  it("red: unanswered calls make a third indicator — the store manager's call and invitation within a day, then the GM", async () => {
    const db = await silentYellow(t);
    await arrive(db, S, [svc.satisfaction('c1', S, 3)]);
    const noAnswer = (at: string) => ({ id: `na-${at}`, customerId: 'c1', type: 'call', at, direction: 'out', answered: false });
    const R = '2024-06-05T16:00:00+08:00';
    await arrive(db, R, [noAnswer('2024-06-05T15:00:00+08:00'), noAnswer(R)]);
    for (const now of ['2024-06-06T15:59:59', '2024-06-06T16:00:00', '2024-06-07T16:00:00']) await dueAt(db, `${now}+08:00`);
    expect(onlyLines(await listActions(db), { programs: ['silent_red'] })).toEqual([
      `${R} task_created c1 taskId=#1 type=call role=store_manager assigneeId=st-zhao due=2024-06-06T16:00:00+08:00 program=silent_red step=manager_invitation`,
      '2024-06-06T16:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=general_manager assigneeId=gm-chen due=2024-06-07T16:00:00+08:00',
    ]);
  });

  it('a booking ends the wake-up: the care call closes and nothing escalates', async () => {
    const db = await silentYellow(t);
    await arrive(db, S, [svc.satisfaction('c1', S, 3)]);
    await arrive(db, '2024-06-06T11:00:00+08:00', [svc.booked('c1', '2024-06-06T11:00:00+08:00')]);
    await dueAt(db, '2024-06-08T10:00:00+08:00');
    expect((await programLines(db, wakeUp)).slice(2)).toEqual([careCall, '2024-06-06T11:00:00+08:00 task_closed c1 taskId=#1 outcome=booked']);
  });

  it('back to green (a good rating, and WeChat twice a month again) ends the wake-up: the care call closes', async () => {
    const db = await silentYellow(t);
    await arrive(db, S, [svc.satisfaction('c1', S, 3)]);
    await arrive(db, '2024-06-06T10:00:00+08:00', [svc.satisfaction('c1', '2024-06-06T10:00:00+08:00', 5)]);
    // Still yellow (WeChat only): the call stays.
    expect((await programLines(db, wakeUp)).slice(2)).toEqual([careCall]);
    await arrive(db, '2024-06-06T12:00:00+08:00', [svc.wechatIn('c1', '2024-06-06T12:00:00+08:00')]);
    await dueAt(db, '2024-06-08T10:00:00+08:00');
    expect((await programLines(db, wakeUp)).slice(2)).toEqual([careCall, '2024-06-06T12:00:00+08:00 task_closed c1 taskId=#1 outcome=resolved']);
  });

  it('the replay: the 02:00 run of 4 June finds c1 yellow, a rating of 3 makes it orange, nobody calls', async () => {
    const actions = await replay(data([svc.satisfaction('c1', S, 3)]), '2024-06-03T12:00:00+08:00', '2024-06-08');
    expect(onlyLines(actions, wakeUp)).toEqual([
      ...reminded,
      careCall,
      '2024-06-07T10:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-08T10:00:00+08:00',
    ]);
  });
});

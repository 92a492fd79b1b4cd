import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { arrive, dueAt, evaluateAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §8. Each customer last came on 3 February 2024 and spent that day what puts them in
// a recall level (scoring §10, recent: R ≤ 210): c1 ¥9,000 (high → level 1), c2 ¥5,000 (mid →
// level 2), c3 and c4 ¥680 (basic → level 3). On Monday 3 June R = 121: lost, found by the 02:00
// run. Recall runs in working time (09:00–18:00).
const spent: Record<string, number> = { c1: 9000, c2: 5000, c3: 680, c4: 680 };
const data = (ids: string[], events: Record<string, unknown>[] = []) => writeProgramFixture(
  ids.map((id) => ({ id, since: '2024-01-01', wechat: `wx_${id}` })),
  [...ids.map((id) => svc.visit(id, '2024-02-03T10:00:00+08:00', `v-${id}`, { amount: spent[id]!, mileage: 9000 })), ...events],
);
const nightly = (day: string) => `${day}T02:00:00+08:00`;
const level = (n: 1 | 2 | 3, customerId?: string) => ({ programs: [`recall_level_${n}`], purposes: ['recall_offer'], ...(customerId ? { customerId } : {}) });
const attempts = [
  '2024-06-03T10:30:00+08:00 task_created c1 taskId=#1 type=call role=service_manager assigneeId=sm-wang due=2024-06-03T14:30:00+08:00 program=recall_level_1 step=attempt_1_call',
  '2024-06-05T15:00:00+08:00 task_created c1 taskId=#2 type=wechat role=service_manager assigneeId=sm-wang due=2024-06-06T10:00:00+08:00 program=recall_level_1 step=attempt_2_wechat',
  '2024-06-07T17:30:00+08:00 task_created c1 taskId=#3 type=call role=service_manager assigneeId=sm-wang due=2024-06-08T12:30:00+08:00 program=recall_level_1 step=attempt_3_call',
  '2024-06-08T12:30:00+08:00 task_escalated c1 taskId=#3 newTaskId=#4 role=store_manager assigneeId=st-zhao due=2024-06-09T12:30:00+08:00',
];

describeEachDatabase('lost-customer recall (programs.md §8)', (t) => {
  it('level 1: three service-manager attempts on different days, times and channels; the last one missed goes to the store manager', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await evaluateAt(db, nightly('2024-06-02'), ['c1']);
    await dueAt(db, '2024-06-02T18:00:00+08:00');
    expect(await programLines(db, level(1))).toEqual([]);
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    for (const now of ['2024-06-03T10:29:59', '2024-06-03T10:30:00', '2024-06-03T14:30:00', '2024-06-05T14:59:59', '2024-06-05T15:00:00',
      '2024-06-06T10:00:00', '2024-06-07T17:29:59', '2024-06-07T17:30:00', '2024-06-08T12:29:59', '2024-06-08T12:30:00', '2024-06-09T12:30:00']) {
      await dueAt(db, `${now}+08:00`);
    }
    expect(await programLines(db, level(1))).toEqual(attempts);
  });

  it("level 1: the script follows the churn reason the manager recorded on an earlier call (price)", async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await evaluateAt(db, nightly('2024-06-02'), ['c1']);
    await arrive(db, '2024-06-02T15:00:00+08:00', [svc.call('c1', '2024-06-02T15:00:00+08:00', 'sm-wang', 'reached', { churnReason: 'price' })]);
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    for (const now of ['2024-06-03T10:30:00', '2024-06-05T15:00:00', '2024-06-07T17:30:00']) await dueAt(db, `${now}+08:00`);
    const scripts = await db.query<{ step_id: string; script: string }>("SELECT step_id, script FROM tasks WHERE program_id = 'recall_level_1' ORDER BY id");
    expect(scripts).toEqual(['attempt_1_call', 'attempt_2_wechat', 'attempt_3_call'].map((step_id) => ({ step_id, script: 'recall_l1_price' })));
  });

  it('level 1: a reply after the first attempt stops the recall — that call closes, the other two never come', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await dueAt(db, '2024-06-03T10:30:00+08:00');
    await arrive(db, '2024-06-04T11:00:00+08:00', [svc.reply('c1', '2024-06-04T11:00:00+08:00', '价格太贵了')]);
    for (const now of ['2024-06-05T15:00:00', '2024-06-07T17:30:00', '2024-06-09T12:30:00']) await dueAt(db, `${now}+08:00`);
    expect(await programLines(db, level(1))).toEqual([attempts[0], '2024-06-04T11:00:00+08:00 task_closed c1 taskId=#1 outcome=replied']);
  });

  it('level 2: the SA calls, due in 2 working days; missed → the service manager, 1 more day', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c2']));
    await evaluateAt(db, nightly('2024-06-03'), ['c2']);
    for (const now of ['2024-06-03T08:59:59', '2024-06-03T09:00:00', '2024-06-05T08:59:59', '2024-06-05T09:00:00', '2024-06-06T09:00:00']) await dueAt(db, `${now}+08:00`);
    expect(await programLines(db, level(2))).toEqual([
      '2024-06-03T09:00:00+08:00 task_created c2 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-05T09:00:00+08:00 program=recall_level_2 step=sa_call',
      '2024-06-05T09:00:00+08:00 task_escalated c2 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-06T09:00:00+08:00',
    ]);
  });

  it('level 3: an automated SMS on day 1 and a WeChat on day 8; c4 opts out in between and gets no WeChat', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c3', 'c4']));
    await evaluateAt(db, nightly('2024-06-03'), ['c3', 'c4']);
    await dueAt(db, '2024-06-03T08:59:59+08:00');
    expect(await programLines(db, level(3))).toEqual([]);
    await dueAt(db, '2024-06-03T09:00:00+08:00');
    await arrive(db, '2024-06-05T12:00:00+08:00', [svc.reply('c4', '2024-06-05T12:00:00+08:00', '退订')]);
    await dueAt(db, '2024-06-10T08:59:59+08:00');
    await dueAt(db, '2024-06-10T09:00:00+08:00');
    expect(await programLines(db, level(3, 'c3'))).toEqual([
      '2024-06-03T09:00:00+08:00 message_queued c3 channel=sms purpose=recall_offer',
      '2024-06-03T09:00:00+08:00 message_sent c3 channel=sms purpose=recall_offer',
      '2024-06-10T09:00:00+08:00 message_queued c3 channel=wechat purpose=recall_offer',
      '2024-06-10T09:00:00+08:00 message_sent c3 channel=wechat purpose=recall_offer',
    ]);
    expect(await programLines(db, level(3, 'c4'))).toEqual([
      '2024-06-03T09:00:00+08:00 message_queued c4 channel=sms purpose=recall_offer',
      '2024-06-03T09:00:00+08:00 message_sent c4 channel=sms purpose=recall_offer',
    ]);
  });

  it('the replay: all three levels from the 02:00 run of 3 June; c2 books on day 2', async () => {
    const B = '2024-06-04T11:00:00+08:00';
    const actions = await replay(data(['c1', 'c2', 'c3'], [svc.booked('c2', B)]), '2024-06-02T12:00:00+08:00', '2024-06-10');
    expect(onlyLines(actions, level(1, 'c1'))).toEqual(attempts);
    expect(onlyLines(actions, level(2, 'c2'))).toEqual([
      '2024-06-03T09:00:00+08:00 task_created c2 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-05T09:00:00+08:00 program=recall_level_2 step=sa_call',
      `${B} task_closed c2 taskId=#1 outcome=booked`,
    ]);
    expect(onlyLines(actions, level(3, 'c3'))).toEqual([
      '2024-06-03T09:00:00+08:00 message_queued c3 channel=sms purpose=recall_offer',
      '2024-06-03T09:00:00+08:00 message_sent c3 channel=sms purpose=recall_offer',
      '2024-06-10T09:00:00+08:00 message_queued c3 channel=wechat purpose=recall_offer',
      '2024-06-10T09:00:00+08:00 message_sent c3 channel=wechat purpose=recall_offer',
    ]);
  });
});

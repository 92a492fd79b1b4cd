import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { updateOutreach } from '../customer-outreach.js';
import { arrive, dueAt, evaluateAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §7. c1 last came on 6 December 2023: on Monday 3 June 2024 R = 180, dormant (scoring
// §10), found by the 02:00 run. Day 1 is that day; the cadence runs in working time from 09:00:
// day 1 SMS, day 3 call, day 7 WeChat, day 14 email, day 21 farewell. c1 reads email.
const lastVisit = (id: string) => svc.visit(id, '2023-12-06T10:00:00+08:00', `v-${id}`, { mileage: 15000 });
const customer = (id: string) => ({ id, since: '2023-06-01', email: `${id}@example.com`, consent: { email: true } });
const data = (ids: string[], events: Record<string, unknown>[] = []) => writeProgramFixture(ids.map(customer), [...ids.map(lastVisit), ...events]);
const NIGHT = '2024-06-03T02:00:00+08:00';
const dormant = { programs: ['dormant_wakeup'], purposes: ['wake_up', 'history_offer', 'farewell'] };
const firstWeek = [
  '2024-06-03T09:00:00+08:00 message_queued c1 channel=sms purpose=wake_up',
  '2024-06-03T09:00:00+08:00 message_sent c1 channel=sms purpose=wake_up',
  '2024-06-05T09:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-06T09:00:00+08:00 program=dormant_wakeup step=day3_call',
  '2024-06-06T09:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-07T09:00:00+08:00',
  '2024-06-09T09:00:00+08:00 task_created c1 taskId=#3 type=wechat role=advisor assigneeId=sa-li due=2024-06-10T09:00:00+08:00 program=dormant_wakeup step=day7_wechat',
];

describeEachDatabase('dormant 21-day wake-up (programs.md §7)', (t) => {
  it('day 1 SMS, day 3 call (due next day, then the service manager), day 7 WeChat, day 14 email, day 21 farewell — each at 09:00, not before', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await evaluateAt(db, NIGHT, ['c1']);
    for (const day of ['03', '05', '06', '09', '16', '23']) {
      await dueAt(db, `2024-06-${day}T08:59:59+08:00`);
      await dueAt(db, `2024-06-${day}T09:00:00+08:00`);
    }
    expect(await programLines(db, dormant)).toEqual([
      ...firstWeek,
      '2024-06-16T09:00:00+08:00 message_queued c1 channel=email purpose=history_offer',
      '2024-06-16T09:00:00+08:00 message_sent c1 channel=email purpose=history_offer',
      '2024-06-23T09:00:00+08:00 message_queued c1 channel=sms purpose=farewell',
      '2024-06-23T09:00:00+08:00 message_sent c1 channel=sms purpose=farewell',
    ]);
    // A passive dormant customer (no complaint, no low rating, nothing set by the SA) gets the passive scripts.
    const scripts = await db.query<{ step_id: string; script: string }>("SELECT step_id, script FROM tasks WHERE program_id = 'dormant_wakeup' AND rung = 0 ORDER BY id");
    expect(scripts).toEqual([{ step_id: 'day3_call', script: 'dormant_call_passive' }, { step_id: 'day7_wechat', script: 'dormant_wechat_passive' }]);
    // Day 21 was the last: nothing more of this cadence, however long the clock runs.
    await dueAt(db, '2024-07-31T09:00:00+08:00');
    expect(await programLines(db, dormant)).toHaveLength(9);
  });

  it('the dormant type picks the scripts: a complaint makes c1 dissatisfied; the SA marked c2 as substitute', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1', 'c2'], [
      svc.complaintOpened('c1', '2023-12-06T12:00:00+08:00', 'k1'), svc.complaintClosed('c1', '2023-12-08T12:00:00+08:00', 'k1'),
    ]));
    await updateOutreach(db, 'sh-01', 'c2', { dormantType: 'substitute' }, new Date('2024-05-20T10:00:00+08:00'));
    await evaluateAt(db, NIGHT, ['c1', 'c2']);
    await dueAt(db, '2024-06-05T09:00:00+08:00');
    const sms = await db.query<{ customer_id: string; template: string }>("SELECT customer_id, template FROM outbox_messages WHERE purpose = 'wake_up' ORDER BY customer_id");
    expect(sms).toEqual([{ customer_id: 'c1', template: 'dormant_sms_dissatisfied' }, { customer_id: 'c2', template: 'dormant_sms_substitute' }]);
    const calls = await db.query<{ customer_id: string; script: string }>("SELECT customer_id, script FROM tasks WHERE step_id = 'day3_call' ORDER BY customer_id");
    expect(calls).toEqual([{ customer_id: 'c1', script: 'dormant_call_dissatisfied' }, { customer_id: 'c2', script: 'dormant_call_substitute' }]);
  });

  it('a reply on day 3 stops the cadence: the call closes, nothing after it', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await evaluateAt(db, NIGHT, ['c1']);
    await dueAt(db, '2024-06-03T09:00:00+08:00');
    await dueAt(db, '2024-06-05T09:00:00+08:00');
    await arrive(db, '2024-06-05T12:00:00+08:00', [svc.reply('c1', '2024-06-05T12:00:00+08:00', '最近忙，下个月去')]);
    for (const day of ['06', '09', '16', '23']) await dueAt(db, `2024-06-${day}T09:00:00+08:00`);
    expect(await programLines(db, dormant)).toEqual([
      ...firstWeek.slice(0, 3),
      '2024-06-05T12:00:00+08:00 task_closed c1 taskId=#1 outcome=replied',
    ]);
  });

  it('the replay: lost on 2 June (R = 179), dormant at the 02:00 run of 3 June; a booking on day 10 ends the cadence', async () => {
    const B = '2024-06-12T10:00:00+08:00';
    const actions = await replay(data(['c1'], [svc.booked('c1', B)]), '2024-06-02T12:00:00+08:00', '2024-06-24');
    expect(onlyLines(actions, { programs: [], purposes: ['recall_offer'] })[0]).toBe('2024-06-02T12:00:00+08:00 message_queued c1 channel=sms purpose=recall_offer');
    expect(onlyLines(actions, dormant)).toEqual([
      ...firstWeek,
      `${B} task_closed c1 taskId=#2 outcome=booked`,
      `${B} task_closed c1 taskId=#3 outcome=booked`,
    ]);
  });
});

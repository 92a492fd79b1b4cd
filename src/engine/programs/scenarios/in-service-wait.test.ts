import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { actionLines, arrive, dueAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §2. c1 is a recent customer (delivered 15 May, no warning of any kind), so every
// line below is the waiting-time program's or the visit's own follow-up. The car is handed in
// on Monday 3 June 2024 at 10:00 (visit w1): the SA is alerted at 11:00, 20 % off is proposed
// at 12:00, a free visit at 13:00, and the store manager calls that evening (18:00, or at once
// when the wait reaches 60 minutes after 18:00).
const K = '2024-06-03T10:00:00+08:00';
const at = (hhmmss: string) => `2024-06-03T${hhmmss}+08:00`;
const data = (events: Record<string, unknown>[] = []) => writeProgramFixture([{ id: 'c1', since: '2024-05-15' }], events);
const waiting = { programs: ['waiting_time'] };
// Check-ins may come from a reception system with its own visit number while the DMS sends the
// visit without one: that visit is the hand-over all the same.
const handOvers: [string, (when: string) => Record<string, unknown>][] = [
  ['its own visit', (when) => svc.visit('c1', when, 'w1')],
  ['a DMS visit without visitId', (when) => svc.dmsVisit('c1', when, 'dms-1')],
];

describeEachDatabase('in-service waiting time (programs.md §2)', (t) => {
  it('a visit open for 3 h: SA at 60 min, 20 % off at 120, a free visit at 180, the store manager that evening', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, K, [svc.checkin('c1', K, 'w1')]);
    expect(await actionLines(db)).toEqual([]);
    expect(await dueAt(db, at('10:59:59'))).toBe(0);
    await dueAt(db, at('11:00:00'));
    expect(await dueAt(db, at('11:14:59'))).toBe(0);
    await dueAt(db, at('11:15:00'));
    // The service manager's rung is the last: overdue at 11:30, escalated no further.
    expect(await dueAt(db, at('11:59:59'))).toBe(0);
    await dueAt(db, at('12:00:00'));
    await dueAt(db, at('12:15:00'));
    expect(await dueAt(db, at('12:59:59'))).toBe(0);
    await dueAt(db, at('13:00:00'));
    expect(await dueAt(db, at('17:59:59'))).toBe(0);
    await dueAt(db, at('18:00:00'));
    expect(await actionLines(db)).toEqual([
      `${at('11:00:00')} task_created c1 taskId=t1 type=checklist role=advisor assigneeId=sa-li due=${at('11:15:00')} program=waiting_time step=wait_60`,
      `${at('11:15:00')} task_escalated c1 taskId=t1 newTaskId=t2 role=service_manager assigneeId=sm-wang due=${at('11:30:00')}`,
      `${at('12:00:00')} task_created c1 taskId=t3 type=approval role=service_manager assigneeId=sm-wang due=${at('12:15:00')} program=waiting_time step=wait_120`,
      `${at('12:15:00')} task_escalated c1 taskId=t3 newTaskId=t4 role=store_manager assigneeId=st-zhao due=${at('12:30:00')}`,
      `${at('13:00:00')} task_created c1 taskId=t5 type=approval role=store_manager assigneeId=st-zhao due=${at('13:15:00')} program=waiting_time step=wait_180`,
      `${at('18:00:00')} task_created c1 taskId=t6 type=call role=store_manager assigneeId=st-zhao due=${at('21:00:00')} program=waiting_time step=evening_call`,
    ]);
    expect(await dueAt(db, '2024-06-04T10:00:00+08:00')).toBe(0);
  });

  it.each(handOvers)('handed over at 70 min (%s): the alert closes, 120 and 180 min never come, the evening call still does', async (_, handOver) => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, K, [svc.checkin('c1', K, 'w1')]);
    await dueAt(db, at('11:00:00'));
    await arrive(db, at('11:10:00'), [handOver(at('11:10:00'))]);
    for (const hhmm of ['11:15:00', '12:00:00', '13:00:00', '18:00:00']) await dueAt(db, at(hhmm));
    expect(await programLines(db, waiting)).toEqual([
      `${at('11:00:00')} task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=${at('11:15:00')} program=waiting_time step=wait_60`,
      `${at('11:10:00')} task_closed c1 taskId=#1 outcome=visited`,
      `${at('18:00:00')} task_created c1 taskId=#2 type=call role=store_manager assigneeId=st-zhao due=${at('21:00:00')} program=waiting_time step=evening_call`,
    ]);
  });

  it('handed over one second before 60 min: no alert, and so no evening call', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, K, [svc.checkin('c1', K, 'w1')]);
    await arrive(db, at('10:59:59'), [svc.visit('c1', at('10:59:59'), 'w1')]);
    for (const hhmm of ['11:00:00', '12:00:00', '13:00:00', '18:00:00']) await dueAt(db, at(hhmm));
    expect(await programLines(db, waiting)).toEqual([]);
  });

  it('handed over at exactly 60 min: the visit is no longer open, so nobody is alerted', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, K, [svc.checkin('c1', K, 'w1')]);
    await arrive(db, at('11:00:00'), [svc.visit('c1', at('11:00:00'), 'w1')]);
    for (const hhmm of ['11:15:00', '12:00:00', '18:00:00']) await dueAt(db, at(hhmm));
    expect(await programLines(db, waiting)).toEqual([]);
  });

  it("another car's hand-over does not end this wait", async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, K, [svc.checkin('c1', K, 'w1')]);
    await arrive(db, at('10:30:00'), [svc.visit('c1', at('10:30:00'), 'w0')]);
    await dueAt(db, at('11:00:00'));
    expect(await programLines(db, waiting)).toEqual([
      `${at('11:00:00')} task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=${at('11:15:00')} program=waiting_time step=wait_60`,
    ]);
  });

  it('a DMS visit without visitId before the check-in does not end the wait that follows', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, at('09:30:00'), [svc.dmsVisit('c1', at('09:30:00'), 'dms-1')]);
    await arrive(db, K, [svc.checkin('c1', K, 'w1')]);
    await dueAt(db, at('11:00:00'));
    expect(await programLines(db, waiting)).toEqual([
      `${at('11:00:00')} task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=${at('11:15:00')} program=waiting_time step=wait_60`,
    ]);
  });

  it('a DMS visit with neither a check-in nor checkinAt has no waiting time; its own follow-up still comes', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, at('11:10:00'), [svc.dmsVisit('c1', at('11:10:00'), 'dms-1')]);
    for (const hhmm of ['12:10:00', '13:10:00', '14:10:00', '18:00:00']) await dueAt(db, at(hhmm));
    expect(await programLines(db, waiting)).toEqual([]);
    expect(await programLines(db, { programs: ['post_service'] })).toEqual([
      `${at('13:10:00')} task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=${at('17:10:00')} program=post_service step=sa_call`,
      `${at('18:00:00')} task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=${at('21:10:00')}`,
    ]);
  });

  it('checked in at 17:30: 60 min is reached at 18:30, past 18:00, and the store manager calls that same evening', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, at('17:30:00'), [svc.checkin('c1', at('17:30:00'), 'w1')]);
    expect(await dueAt(db, at('18:29:59'))).toBe(0);
    await dueAt(db, at('18:30:00'));
    expect(await programLines(db, waiting)).toEqual([
      `${at('18:30:00')} task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=${at('18:45:00')} program=waiting_time step=wait_60`,
      `${at('18:30:00')} task_created c1 taskId=#2 type=call role=store_manager assigneeId=st-zhao due=${at('21:30:00')} program=waiting_time step=evening_call`,
    ]);
    // Not a second call the next evening.
    await arrive(db, at('19:00:00'), [svc.visit('c1', at('19:00:00'), 'w1')]);
    await dueAt(db, '2024-06-04T18:00:00+08:00');
    expect((await programLines(db, waiting)).filter((l) => l.includes('evening_call'))).toHaveLength(1);
  });

  it('checked in at 16:59: 60 min is reached at 17:59, and the store manager calls at 18:00', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, at('16:59:00'), [svc.checkin('c1', at('16:59:00'), 'w1')]);
    await dueAt(db, at('17:59:00'));
    expect(await dueAt(db, at('17:59:59'))).toBe(0);
    expect(await dueAt(db, at('18:00:00'))).toBe(1);
    await arrive(db, at('18:10:00'), [svc.visit('c1', at('18:10:00'), 'w1')]);
    expect(await programLines(db, waiting)).toEqual([
      `${at('17:59:00')} task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=${at('18:14:00')} program=waiting_time step=wait_60`,
      `${at('18:00:00')} task_created c1 taskId=#2 type=call role=store_manager assigneeId=st-zhao due=${at('21:00:00')} program=waiting_time step=evening_call`,
      `${at('18:10:00')} task_closed c1 taskId=#1 outcome=visited`,
    ]);
  });

  it('checked in at 17:30, handed over at exactly 18:30: the wait never reached 60 min, so no evening call either', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await arrive(db, at('17:30:00'), [svc.checkin('c1', at('17:30:00'), 'w1')]);
    await arrive(db, at('18:30:00'), [svc.visit('c1', at('18:30:00'), 'w1')]);
    await dueAt(db, '2024-06-04T18:00:00+08:00');
    expect(await programLines(db, waiting)).toEqual([]);
  });

  it.each(handOvers)('the replay: handed over at 150 min (%s), the work of the wait closes and the visit follow-up begins', async (_, handOver) => {
    const actions = await replay(data([svc.checkin('c1', K, 'w1'), handOver(at('12:30:00'))]), at('09:00:00'), '2024-06-03');
    expect(onlyLines(actions, { programs: ['waiting_time', 'post_service'] })).toEqual([
      `${at('11:00:00')} task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=${at('11:15:00')} program=waiting_time step=wait_60`,
      `${at('11:15:00')} task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=${at('11:30:00')}`,
      `${at('12:00:00')} task_created c1 taskId=#3 type=approval role=service_manager assigneeId=sm-wang due=${at('12:15:00')} program=waiting_time step=wait_120`,
      `${at('12:15:00')} task_escalated c1 taskId=#3 newTaskId=#4 role=store_manager assigneeId=st-zhao due=${at('12:30:00')}`,
      `${at('12:30:00')} task_closed c1 taskId=#2 outcome=visited`,
      `${at('12:30:00')} task_closed c1 taskId=#4 outcome=visited`,
      `${at('14:30:00')} task_created c1 taskId=#5 type=call role=advisor assigneeId=sa-li due=${at('18:30:00')} program=post_service step=sa_call`,
      `${at('18:00:00')} task_created c1 taskId=#6 type=call role=store_manager assigneeId=st-zhao due=${at('21:00:00')} program=waiting_time step=evening_call`,
      `${at('18:30:00')} task_escalated c1 taskId=#5 newTaskId=#7 role=service_manager assigneeId=sm-wang due=${at('22:30:00')}`,
    ]);
    // Nothing else happened to this customer: no warning, no message.
    expect(actions).toHaveLength(9);
  });
});

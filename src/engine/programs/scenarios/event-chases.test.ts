import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { arrive, dueAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines, programLines, replay } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §5, the chases an event starts: a cancelled appointment, a negative social post,
// a contact detail that bounced. The customers are recent (last visit 20 May) and reachable on
// WeChat and the app, which they use; each event happens on Monday 3 June 2024.
const T = '2024-06-03T10:00:00+08:00';
const active = (id: string) => [
  svc.visit(id, '2024-05-20T11:00:00+08:00', `v-${id}`),
  ...['2024-04-10', '2024-04-24', '2024-05-08', '2024-05-15', '2024-05-22', '2024-05-29'].map((d) => svc.wechatIn(id, `${d}T19:00:00+08:00`)),
  { id: `app-${id}`, customerId: id, type: 'app_login', at: '2024-05-28T08:00:00+08:00' },
];
const data = (ids: string[], events: Record<string, unknown>[] = []) =>
  writeProgramFixture(ids.map((id) => ({ id, since: '2024-01-10', wechat: `wx_${id}`, hasApp: true })), [...ids.flatMap(active), ...events]);
const cancellation = { programs: ['cancellation'] };
const social = { programs: ['social_negative'] };
const invalid = { programs: ['contact_invalid'], purposes: ['contact_update'] };

describeEachDatabase('event-triggered chases (programs.md §5)', (t) => {
  it('appointment cancelled: the SA calls within 1 h; missed → the service manager, 2 h more', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await arrive(db, T, [svc.cancelled('c1', T)]);
    await dueAt(db, '2024-06-03T10:59:59+08:00');
    expect(await programLines(db, cancellation)).toHaveLength(1);
    await dueAt(db, '2024-06-03T11:00:00+08:00');
    await dueAt(db, '2024-06-03T13:00:00+08:00');
    expect(await programLines(db, cancellation)).toEqual([
      `${T} task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-03T11:00:00+08:00 program=cancellation step=reason_call`,
      '2024-06-03T11:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#2 role=service_manager assigneeId=sm-wang due=2024-06-03T13:00:00+08:00',
    ]);
  });

  it('appointment cancelled: the reason the SA records closes the call; a new booking would have stopped it', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1', 'c2']));
    await arrive(db, T, [svc.cancelled('c1', T), svc.cancelled('c2', T)]);
    await arrive(db, '2024-06-03T10:20:00+08:00', [svc.call('c1', '2024-06-03T10:20:00+08:00', 'sa-li', 'reached', { reason: 'more slots' })]);
    await arrive(db, '2024-06-03T10:30:00+08:00', [svc.booked('c2', '2024-06-03T10:30:00+08:00')]);
    await dueAt(db, '2024-06-03T13:00:00+08:00');
    expect(await programLines(db, { ...cancellation, customerId: 'c1' })).toEqual([
      `${T} task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-03T11:00:00+08:00 program=cancellation step=reason_call`,
      '2024-06-03T10:20:00+08:00 task_closed c1 taskId=#1 outcome=reached',
    ]);
    const [recorded] = await db.query<{ outcome_detail: string }>("SELECT outcome_detail FROM tasks WHERE customer_id = 'c1' AND program_id = 'cancellation'");
    expect(recorded!.outcome_detail).toBe('more slots');
    expect((await programLines(db, { ...cancellation, customerId: 'c2' })).slice(1)).toEqual(['2024-06-03T10:30:00+08:00 task_closed c2 taskId=#1 outcome=booked']);
  });

  it('negative post: service manager within 2 h (then the store manager), solution within 24 h (then the store manager); never solved, the update is never asked', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await arrive(db, T, [svc.socialPost('c1', T, 'p1')]);
    for (const now of ['2024-06-03T11:59:59', '2024-06-03T12:00:00', '2024-06-04T09:59:59', '2024-06-04T10:00:00', '2024-06-10T10:00:00']) await dueAt(db, `${now}+08:00`);
    expect(await programLines(db, social)).toEqual([
      `${T} task_created c1 taskId=#1 type=call role=service_manager assigneeId=sm-wang due=2024-06-03T12:00:00+08:00 program=social_negative step=manager_contact`,
      `${T} task_created c1 taskId=#2 type=checklist role=service_manager assigneeId=sm-wang due=2024-06-04T10:00:00+08:00 program=social_negative step=solution`,
      '2024-06-03T12:00:00+08:00 task_escalated c1 taskId=#1 newTaskId=#3 role=store_manager assigneeId=st-zhao due=2024-06-03T14:00:00+08:00',
      '2024-06-04T10:00:00+08:00 task_escalated c1 taskId=#2 newTaskId=#4 role=store_manager assigneeId=st-zhao due=2024-06-05T10:00:00+08:00',
    ]);
  });

  it('negative post solved at 16:00: the update is asked 24 h later, not a second earlier; another post solved asks nothing', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await arrive(db, T, [svc.socialPost('c1', T, 'p1')]);
    await arrive(db, '2024-06-03T11:00:00+08:00', [svc.call('c1', '2024-06-03T11:00:00+08:00', 'sm-wang', 'reached')]);
    await arrive(db, '2024-06-03T12:00:00+08:00', [svc.socialResolved('c1', '2024-06-03T12:00:00+08:00', 'p0')]);
    await arrive(db, '2024-06-03T16:00:00+08:00', [svc.socialResolved('c1', '2024-06-03T16:00:00+08:00', 'p1')]);
    await dueAt(db, '2024-06-04T15:59:59+08:00');
    expect((await programLines(db, social)).filter((l) => l.includes('ask_update'))).toEqual([]);
    await dueAt(db, '2024-06-04T16:00:00+08:00');
    expect(await programLines(db, social)).toEqual([
      `${T} task_created c1 taskId=#1 type=call role=service_manager assigneeId=sm-wang due=2024-06-03T12:00:00+08:00 program=social_negative step=manager_contact`,
      `${T} task_created c1 taskId=#2 type=checklist role=service_manager assigneeId=sm-wang due=2024-06-04T10:00:00+08:00 program=social_negative step=solution`,
      '2024-06-03T11:00:00+08:00 task_closed c1 taskId=#1 outcome=reached',
      '2024-06-03T16:00:00+08:00 task_closed c1 taskId=#2 outcome=resolved',
      '2024-06-04T16:00:00+08:00 task_created c1 taskId=#3 type=call role=advisor assigneeId=sa-li due=2024-06-05T16:00:00+08:00 program=social_negative step=ask_update',
    ]);
  });

  it('given up before the post is solved: the waiting request is cancelled with the run, and a later resolution asks nothing', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await arrive(db, T, [svc.socialPost('c1', T, 'p1')]);
    await arrive(db, '2024-06-03T11:00:00+08:00', [{ id: 'gu-c1', customerId: 'c1', type: 'abandoned', at: '2024-06-03T11:00:00+08:00', reason: 'refuses contact' }]);
    const steps = () => db.query<{ step_id: string; status: string; status_reason: string | null }>(
      "SELECT step_id, status, status_reason FROM program_steps WHERE key LIKE 'social_negative/%' AND step_id = 'ask_update'",
    );
    expect(await steps()).toEqual([{ step_id: 'ask_update', status: 'cancelled', status_reason: 'abandoned' }]);
    await arrive(db, '2024-06-03T16:00:00+08:00', [svc.socialResolved('c1', '2024-06-03T16:00:00+08:00', 'p1')]);
    await dueAt(db, '2024-06-10T10:00:00+08:00');
    expect((await programLines(db, social)).filter((l) => l.includes('ask_update'))).toEqual([]);
    expect(await steps()).toEqual([{ step_id: 'ask_update', status: 'cancelled', status_reason: 'abandoned' }]);
  });

  it('contact invalid at 20:00: at the next opening (09:00) the SA is flagged and WeChat and the app are tried; not a second earlier', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    const I = '2024-06-03T20:00:00+08:00';
    await arrive(db, I, [svc.contactInvalid('c1', I)]);
    await dueAt(db, '2024-06-04T08:59:59+08:00');
    expect(await programLines(db, invalid)).toEqual([]);
    await dueAt(db, '2024-06-04T09:00:00+08:00');
    expect(await programLines(db, invalid)).toEqual([
      '2024-06-04T09:00:00+08:00 task_created c1 taskId=#1 type=checklist role=advisor assigneeId=sa-li due=null program=contact_invalid step=flag_update',
      '2024-06-04T09:00:00+08:00 message_queued c1 channel=app purpose=contact_update',
      '2024-06-04T09:00:00+08:00 message_queued c1 channel=wechat purpose=contact_update',
      '2024-06-04T09:00:00+08:00 message_sent c1 channel=app purpose=contact_update',
      '2024-06-04T09:00:00+08:00 message_sent c1 channel=wechat purpose=contact_update',
    ]);
  });

  it('contact invalid, then updated before the store opens: nothing is tried', async () => {
    const db = await t.open();
    await loadFixture(db, data(['c1']));
    await arrive(db, '2024-06-03T20:00:00+08:00', [svc.contactInvalid('c1', '2024-06-03T20:00:00+08:00')]);
    await arrive(db, '2024-06-04T08:00:00+08:00', [svc.contactUpdated('c1', '2024-06-04T08:00:00+08:00')]);
    await dueAt(db, '2024-06-04T12:00:00+08:00');
    expect(await programLines(db, invalid)).toEqual([]);
    const steps = await db.query<{ step_id: string; status: string; status_reason: string }>(
      "SELECT step_id, status, status_reason FROM program_steps WHERE key LIKE 'contact_invalid/%' ORDER BY step_id",
    );
    expect(steps).toEqual(['flag_update', 'try_app', 'try_wechat'].map((step_id) => ({ step_id, status: 'cancelled', status_reason: 'contact_updated' })));
  });

  it('the replay: a cancellation answered at 10:45, a post resolved at 17:00 — the update is asked at 17:00 the next day', async () => {
    const actions = await replay(data(['c1', 'c2'], [
      svc.cancelled('c1', T), svc.call('c1', '2024-06-03T10:45:00+08:00', 'sa-li', 'reached'),
      svc.socialPost('c2', T, 'p2'), svc.socialResolved('c2', '2024-06-03T17:00:00+08:00', 'p2'),
    ]), '2024-06-03T09:00:00+08:00', '2024-06-04');
    expect(onlyLines(actions, { ...cancellation, customerId: 'c1' })).toEqual([
      `${T} task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-03T11:00:00+08:00 program=cancellation step=reason_call`,
      '2024-06-03T10:45:00+08:00 task_closed c1 taskId=#1 outcome=reached',
    ]);
    expect(onlyLines(actions, { ...social, customerId: 'c2' })).toEqual([
      `${T} task_created c2 taskId=#1 type=call role=service_manager assigneeId=sm-wang due=2024-06-03T12:00:00+08:00 program=social_negative step=manager_contact`,
      `${T} task_created c2 taskId=#2 type=checklist role=service_manager assigneeId=sm-wang due=2024-06-04T10:00:00+08:00 program=social_negative step=solution`,
      '2024-06-03T12:00:00+08:00 task_escalated c2 taskId=#1 newTaskId=#3 role=store_manager assigneeId=st-zhao due=2024-06-03T14:00:00+08:00',
      '2024-06-03T17:00:00+08:00 task_closed c2 taskId=#2 outcome=resolved',
      '2024-06-03T17:00:00+08:00 task_closed c2 taskId=#3 outcome=resolved',
      '2024-06-04T17:00:00+08:00 task_created c2 taskId=#4 type=call role=advisor assigneeId=sa-li due=2024-06-05T17:00:00+08:00 program=social_negative step=ask_update',
    ]);
  });
});

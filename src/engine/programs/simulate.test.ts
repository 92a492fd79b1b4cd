import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { simulate } from './simulate.js';
import { contractProblems } from './testing/contract.js';
import { line } from './testing/drive.js';
import { ev, writeProgramFixture } from './testing/program-fixture.js';

// Retain is switched on at T1. c1 and c2 last came on 5 March (orange: R = 66); c3 and c4 on
// 8 April (yellow by recency: R = 32). c1's advisor never calls: the service manager gets it and
// books the customer; c2 books on her own; c3 never answers the SMS; c4 answers "退订".
const T1 = '2024-05-10T10:00:00+08:00';
const data = writeProgramFixture([{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }], [
  ev.visit('c1', '2024-03-05T10:00:00+08:00'),
  ev.visit('c2', '2024-03-05T11:00:00+08:00'),
  ev.visit('c3', '2024-04-08T10:00:00+08:00'),
  ev.visit('c4', '2024-04-08T11:00:00+08:00'),
  ev.booked('c2', '2024-05-10T20:00:00+08:00'),
  ev.reply('c4', '2024-05-10T12:00:00+08:00', '退订'),
  ev.call('c1', '2024-05-13T15:00:00+08:00', 'sm-wang', 'booked'),
]);

describe('retain simulate: the replay (programs.md §14)', () => {
  it('replays the presets on a virtual clock, every action in time order, in the contract', async () => {
    const result = await simulate({ dataDir: data, from: T1, to: '2024-05-16', policy: defaultPolicy() });
    expect(result.problems).toEqual([]);
    expect(result.from).toBe(T1);
    expect(result.to).toBe('2024-05-17T00:00:00+08:00');
    const ats = result.actions.map((a) => Date.parse(a.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(result.actions.flatMap((a) => contractProblems(a))).toEqual([]);
    const of = (id: string) => result.actions.filter((a) => a.customerId === id).map(line);

    expect(of('c1')).toEqual([
      `${T1} warning_opened c1 level=orange reasons=[3]`,
      `${T1} task_created c1 taskId=t1 type=call role=advisor assigneeId=sa-li due=2024-05-13T10:00:00+08:00 program=early_warning_orange step=orange_call`,
      '2024-05-13T10:00:00+08:00 task_escalated c1 taskId=t1 newTaskId=t4 role=service_manager assigneeId=sm-wang due=2024-05-14T10:00:00+08:00',
      '2024-05-13T15:00:00+08:00 task_closed c1 taskId=t4 outcome=booked',
    ]);
    expect(of('c2').slice(2)).toEqual(['2024-05-10T20:00:00+08:00 task_closed c2 taskId=t2 outcome=booked']);
    expect(of('c3')).toEqual([
      `${T1} warning_opened c3 level=yellow reasons=[2]`,
      `${T1} message_queued c3 channel=sms purpose=care_offer`,
      `${T1} message_sent c3 channel=sms purpose=care_offer`,
      '2024-05-12T10:00:00+08:00 warning_changed c3 level=orange',
      '2024-05-12T10:00:00+08:00 task_created c3 taskId=t3 type=call role=advisor assigneeId=sa-li due=2024-05-15T10:00:00+08:00 program=early_warning_orange step=orange_call',
      '2024-05-13T00:00:00+08:00 message_queued c3 channel=app purpose=care_offer',
      '2024-05-13T00:00:00+08:00 message_blocked c3 channel=app purpose=care_offer reason=no_consent',
      '2024-05-15T10:00:00+08:00 task_escalated c3 taskId=t3 newTaskId=t5 role=service_manager assigneeId=sm-wang due=2024-05-16T10:00:00+08:00',
      '2024-05-16T10:00:00+08:00 task_escalated c3 taskId=t5 newTaskId=t6 role=store_manager assigneeId=st-zhao due=2024-05-17T10:00:00+08:00',
    ]);
    expect(of('c4').slice(3)).toEqual([]);
  });

  it('the same replay twice prints the same document', async () => {
    const input = { dataDir: data, from: T1, to: '2024-05-14', policy: defaultPolicy() };
    expect(await simulate(input)).toEqual(await simulate(input));
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyLines, replay } from '../testing/program-lines.js';
import { ev, writeProgramFixture } from '../testing/program-fixture.js';

// programs.md §13 through `retain simulate`, June 2024 (Dragon Boat Festival on 10 June).
// - c4, high value (¥9,500 in the year), last called on 5 May: due for contact on 4 June; the
//   advisor calls on the 5th. Birthday on the 12th; greeted for the Dragon Boat Festival.
// - c1, the same, but held out of the contact and holiday programs by the 10 % draw: birthday only.
// - c3, basic value, never touched since 1 February, warranty ending 20 July: an automated care
//   message and the warranty notice when Retain is switched on.
// - c5, basic value since 1 June 2022: its second delivery anniversary on the switch-on day, and a
//   reading at 22:30 on 15 June shows 10,000 km passed (9,000 km on 1 May).
// - A typhoon notice at 22:00 on 20 June reaches everyone at the end of the quiet hours.
const history = [
  ...['c4', 'c1'].flatMap((id) => [
    ev.visit(id, '2023-12-01T10:00:00+08:00', 2500), ev.visit(id, '2024-03-10T10:00:00+08:00', 3000), ev.visit(id, '2024-05-20T10:00:00+08:00', 4000),
    ev.call(id, '2024-05-05T10:00:00+08:00', 'sa-li', '已沟通'),
  ]),
  ev.visit('c3', '2024-05-25T10:00:00+08:00', 0),
  ev.visit('c5', '2024-05-10T10:00:00+08:00', 300),
  ev.mileage('c5', '2024-05-01T12:00:00+08:00', 9000),
];
const during = [
  ev.call('c4', '2024-06-05T15:00:00+08:00', 'sa-li', 'reached'),
  ev.mileage('c5', '2024-06-15T22:30:00+08:00', 10200),
];
function data(): string {
  const dir = writeProgramFixture([
    { id: 'c4', since: '2023-01-05', birthday: '1980-06-12' },
    { id: 'c1', since: '2023-01-05', birthday: '1980-06-20' },
    { id: 'c3', since: '2024-02-01', warrantyEnd: '2024-07-20' },
    { id: 'c5', since: '2022-06-01' },
  ], [...history, ...during]);
  writeFileSync(join(dir, 'notices.jsonl'), `${JSON.stringify({ id: 'typhoon-1', storeId: 'sh-01', kind: 'bad_weather', at: '2024-06-20T22:00:00+08:00', title: '台风"海葵"橙色预警' })}\n`);
  return dir;
}
const CARE = {
  programs: ['care_contact', 'care_birthday', 'care_anniversary', 'care_mileage_milestone', 'care_first_service', 'care_warranty', 'care_software_update', 'care_holiday'],
  purposes: ['care', 'birthday', 'anniversary', 'holiday', 'milestone', 'first_service', 'warranty', 'software_update', 'weather'],
};
const queued = (at: string, id: string, purpose: string) => `${at} message_queued ${id} channel=sms purpose=${purpose}`;
const sentOnly = (at: string, id: string, purpose: string) => `${at} message_sent ${id} channel=sms purpose=${purpose}`;
const sent = (at: string, id: string, purpose: string) => [queued(at, id, purpose), sentOnly(at, id, purpose)];
const typhoon = (id: string) => [
  `2024-06-20T22:00:00+08:00 message_queued ${id} channel=sms purpose=weather`,
  `2024-06-20T22:00:00+08:00 message_held ${id} channel=sms purpose=weather reason=quiet_hours until=2024-06-21T09:00:00+08:00`,
  `2024-06-21T09:00:00+08:00 message_sent ${id} channel=sms purpose=weather`,
];

describe('proactive care replayed for a month (programs.md §13, §14)', () => {
  const month = replay(data(), '2024-06-01T00:00:00+08:00', '2024-06-30');
  const of = async (customerId: string) => onlyLines(await month, { ...CARE, customerId });

  it('a high-value customer: the contact call when the month is up, closed by the call; the holiday; the birthday call on the day', async () => {
    expect(await of('c4')).toEqual([
      '2024-06-04T09:00:00+08:00 task_created c4 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-11T09:00:00+08:00 program=care_contact step=personal_call',
      '2024-06-05T15:00:00+08:00 task_closed c4 taskId=#1 outcome=reached',
      ...sent('2024-06-08T10:00:00+08:00', 'c4', 'holiday'),
      '2024-06-12T10:00:00+08:00 task_created c4 taskId=#2 type=call role=advisor assigneeId=sa-li due=2024-06-12T18:00:00+08:00 program=care_birthday step=birthday_call',
      ...typhoon('c4'),
    ]);
  });

  it('a customer held out of the contact and holiday programs gets neither, but the birthday call', async () => {
    expect(await of('c1')).toEqual([
      '2024-06-20T10:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-20T18:00:00+08:00 program=care_birthday step=birthday_call',
      ...typhoon('c1'),
    ]);
  });

  it('basic value: the automated care message and the warranty notice at 10:00 on the switch-on day, nothing twice', async () => {
    // Both steps fall at 10:00: work opens before messages go out, so both are queued first.
    const ten = '2024-06-01T10:00:00+08:00';
    expect(await of('c3')).toEqual([queued(ten, 'c3', 'care'), queued(ten, 'c3', 'warranty'), sentOnly(ten, 'c3', 'care'), sentOnly(ten, 'c3', 'warranty'), ...typhoon('c3')]);
  });

  it('an anniversary on the switch-on day, and a milestone shown by a late reading congratulated the next morning', async () => {
    const ten = '2024-06-01T10:00:00+08:00';
    expect(await of('c5')).toEqual([
      queued(ten, 'c5', 'anniversary'), queued(ten, 'c5', 'care'), sentOnly(ten, 'c5', 'anniversary'), sentOnly(ten, 'c5', 'care'),
      ...sent('2024-06-16T10:00:00+08:00', 'c5', 'milestone'),
      ...typhoon('c5'),
    ]);
  });
});

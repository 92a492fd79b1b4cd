import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { defaultPolicy } from '../../../domain/policy/default-policy.js';
import { defaultPrograms } from '../../../programs/default-programs.js';
import type { Db } from '../../../store/db.js';
import { recordOutcome } from '../record-outcome.js';
import { simulate } from '../simulate.js';
import { dueAt, evaluateAt, line } from '../testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from '../testing/program-fixture.js';

// Each care moment fires once per occurrence (programs.md §13): across nightly runs, a worker that
// forgot what it saw, and a re-import. c4 (high value, last called 5 May, birthday 12 June) and
// c1 (the same, but held out of the contact program by the 10 % draw).
const high = (id: string) => [
  ev.visit(id, '2023-12-01T10:00:00+08:00', 2500), ev.visit(id, '2024-03-10T10:00:00+08:00', 3000), ev.visit(id, '2024-05-20T10:00:00+08:00', 4000),
  ev.call(id, '2024-05-05T10:00:00+08:00', 'sa-li', '已沟通'),
];
const dir = writeProgramFixture(
  [{ id: 'c4', since: '2023-01-05', birthday: '1980-06-12' }, { id: 'c1', since: '2023-01-05', birthday: '1980-06-20' }],
  [...high('c4'), ...high('c1')],
);
const nightly = (day: string) => `2024-06-${day}T02:00:00+08:00`;

async function runs(db: Db, programId: string): Promise<{ customer_id: string; trigger_key: string }[]> {
  return db.query('SELECT customer_id, trigger_key FROM program_runs WHERE program_id = $1 ORDER BY customer_id, trigger_key', [programId]);
}

describeEachDatabase('care moments fire once per occurrence', (t) => {
  it('nightly runs, a forgotten view and a re-import start the birthday and the contact interval once', async () => {
    const db = await t.open();
    await loadFixture(db, dir);
    for (const day of ['01', '02', '03', '04', '05']) await evaluateAt(db, nightly(day), ['c4', 'c1']);
    // A worker that lost what it saw compares with a healthy nobody again: the runs' keys hold.
    await db.query("UPDATE program_views SET care_keys = '{}'");
    await evaluateAt(db, nightly('06'), ['c4', 'c1']);
    await loadFixture(db, dir);
    await evaluateAt(db, nightly('07'), ['c4', 'c1']);
    expect(await runs(db, 'care_birthday')).toEqual([{ customer_id: 'c1', trigger_key: 'care:birthday:2024' }, { customer_id: 'c4', trigger_key: 'care:birthday:2024' }]);
    expect(await runs(db, 'care_contact')).toEqual([{ customer_id: 'c4', trigger_key: 'care:contact:2024-06-04' }]);
    expect(await db.query("SELECT customer_id, trigger_key FROM program_holdouts WHERE program_id = 'care_contact'")).toEqual([
      { customer_id: 'c1', trigger_key: 'care:contact:2024-06-04' },
    ]);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE program_id = 'care_contact'"))[0]!.n).toBe(1);
  });

  it('a call recorded on the care task is a proactive touch: the next contact is due a month later', async () => {
    const db = await t.open();
    await loadFixture(db, dir);
    await evaluateAt(db, nightly('04'), ['c4']);
    await dueAt(db, '2024-06-04T09:00:00+08:00');
    const [task] = await db.query<{ id: string; category: string }>("SELECT id, category FROM tasks WHERE program_id = 'care_contact'");
    expect(task!.category).toBe('care');
    expect(await recordOutcome(db, task!.id, 'reached', new Date('2024-06-04T11:00:00+08:00'), 'sa-li')).toEqual({ status: 'closed' });
    const [call] = await db.query<{ record: Record<string, unknown> }>("SELECT record FROM events WHERE customer_id = 'c4' AND id LIKE 'retain-task-%'");
    expect(call!.record).toMatchObject({ type: 'call', direction: 'out', answered: true, staffId: 'sa-li', outcome: 'reached', at: '2024-06-04T11:00:00+08:00' });
    await evaluateAt(db, nightly('05'), ['c4']);
    const [e] = await db.query<{ record: { care: { lastTouch: string; due: string; status: string } } }>(
      "SELECT record FROM evaluations WHERE customer_id = 'c4' AND as_of = '2024-06-05'",
    );
    expect(e!.record.care).toMatchObject({ lastTouch: '2024-06-04', due: '2024-07-04', status: 'within' });
    // The recorded call did not close another call task as if it were a new call.
    expect(await db.query("SELECT outcome FROM tasks WHERE customer_id = 'c4' AND status = 'closed'")).toEqual([{ outcome: 'reached' }]);
  });
});

it('an anniversary message set to 22:30 waits for the end of the quiet hours (the outbox decides, not the plan)', async () => {
  const late = writeProgramFixture([{ id: 'c3', since: '2022-06-03' }], [ev.visit('c3', '2024-05-25T10:00:00+08:00', 0)]);
  const programs = structuredClone(defaultPrograms());
  const anniversary = programs.programs.find((p) => p.id === 'care_anniversary')!;
  for (const s of anniversary.steps) s.atLocalTime = '22:30';
  const result = await simulate({ dataDir: late, from: '2024-06-01T00:00:00+08:00', to: '2024-06-04', policy: defaultPolicy(), programs });
  expect(result.actions.filter((a) => a.kind.startsWith('message_') && (a as unknown as { purpose: string }).purpose === 'anniversary').map(line)).toEqual([
    '2024-06-03T22:30:00+08:00 message_queued c3 channel=sms purpose=anniversary',
    '2024-06-03T22:30:00+08:00 message_held c3 channel=sms purpose=anniversary reason=quiet_hours until=2024-06-04T09:00:00+08:00',
    '2024-06-04T09:00:00+08:00 message_sent c3 channel=sms purpose=anniversary',
  ]);
});

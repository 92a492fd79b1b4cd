import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { abandonCustomer, abandonedForReview } from './abandon-customer.js';
import { actionLines, arrive, dueAt, evaluateAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

const T = '2024-05-10T10:00:00+08:00';
const data = () => writeProgramFixture([{ id: 'c1' }], [ev.visit('c1', '2024-03-05T10:00:00+08:00')]);

describeEachDatabase('give-up and return (programs.md §9)', (t) => {
  it('an abandoned customer: open work closes, the farewell goes once, no outreach after', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, T, ['c1']);
    const D = '2024-05-11T15:00:00+08:00';
    await arrive(db, D, [ev.abandoned('c1', D)]);
    await dueAt(db, D);
    expect((await actionLines(db)).slice(2)).toEqual([
      `${D} task_closed c1 taskId=t1 outcome=abandoned`,
      `${D} message_queued c1 channel=sms purpose=farewell`,
      `${D} message_sent c1 channel=sms purpose=farewell`,
    ]);
    // Nothing is owed any more: no escalation, no effect check, no new program on new evidence.
    await arrive(db, '2024-05-20T10:00:00+08:00', [ev.nps('c1', '2024-05-20T10:00:00+08:00', 2)]);
    await dueAt(db, '2024-06-30T10:00:00+08:00');
    expect((await actionLines(db)).slice(5).filter((l) => !l.includes('warning_'))).toEqual([]);
    // A message some program queued anyway is blocked: only the one farewell passes.
    await db.query(
      `INSERT INTO outbox_messages (store_id, customer_id, channel, purpose, dedupe_key, status, next_attempt_at, created_at, updated_at)
       VALUES ('sh-01', 'c1', 'sms', 'farewell', 'again', 'queued', $1, $1, $1)`, [new Date('2024-07-01T10:00:00+08:00')],
    );
    await dueAt(db, '2024-07-01T10:00:00+08:00');
    expect((await actionLines(db)).at(-1)).toBe('2024-07-01T10:00:00+08:00 message_blocked c1 channel=sms purpose=farewell reason=lifecycle');
  });

  it('giving up through the engine, then the customer comes back: active again, the return ritual applies', async () => {
    const db = await t.open();
    await loadFixture(db, data());
    await evaluateAt(db, T, ['c1']);
    await abandonCustomer(db, { customerId: 'c1', reason: 'cost above value', staffId: 'st-zhao' }, new Date('2024-05-11T15:00:00+08:00'));
    expect(await abandonedForReview(db, new Date('2024-08-09T14:59:59+08:00'))).toEqual([]);
    expect((await abandonedForReview(db, new Date('2024-08-09T15:00:00+08:00'))).map((r) => r.customerId)).toEqual(['c1']);
    const V = '2024-06-01T10:00:00+08:00';
    await arrive(db, V, [ev.visit('c1', V)]);
    const created = (await actionLines(db)).filter((l) => l.startsWith(V) && l.includes('task_created'));
    expect(created.map((l) => / step=(\S+)/.exec(l)![1])).toContain('welcome_checklist');
    const [view] = await db.query<{ lifecycle: string }>("SELECT lifecycle FROM program_views WHERE customer_id = 'c1'");
    expect(view!.lifecycle).toBe('active');
    expect(await abandonedForReview(db, new Date('2024-12-01T00:00:00+08:00'))).toEqual([]);
  });
});

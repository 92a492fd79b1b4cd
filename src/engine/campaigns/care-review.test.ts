import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { EVERYTHING } from '../../auth/scope.js';
import { seedTask } from '../../api/testing/seed-task.js';
import type { Db } from '../../store/db.js';
import { readMonthlyReview } from './monthly-review.js';
import { loadLostCustomers } from './testing/campaign-fixture.js';

const START = '2024-08-05T10:00:00+08:00';

async function run(db: Db, customerId: string, programId: string, at = START): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO program_runs (store_id, customer_id, program_id, program_version, trigger_key, occurrence, stop_when, scope, started_at, status)
     VALUES ('sh-01', $1, $2, 'v1', $3, '{}', '{}', 'other', $4, 'active') RETURNING id`,
    [customerId, programId, `care:${programId}:${customerId}`, at],
  );
  return r!.id;
}
const holdOut = (db: Db, customerId: string, programId: string) =>
  db.query(`INSERT INTO program_holdouts (program_id, customer_id, trigger_key, store_id, at) VALUES ($1, $2, $3, 'sh-01', $4)`,
    [programId, customerId, `care:${programId}:${customerId}`, START]);
async function warn(db: Db, customerId: string, level: string, at: string): Promise<void> {
  const [w] = await db.query<{ id: number }>(
    `INSERT INTO warnings (store_id, customer_id, level, reasons, as_of, policy_version, opened_at, changed_at, closed_at)
     VALUES ('sh-01', $1, $2, '[]', $3::date, 'p', $3, $3, $3) RETURNING id`, [customerId, level, at]);
  await db.query(`INSERT INTO warning_changes (warning_id, store_id, customer_id, change, to_level, at) VALUES ($1, 'sh-01', $2, 'opened', $3, $4)`, [w!.id, customerId, level, at]);
}
const visit = (id: string, customerId: string, at: string) => ({ id, customerId, type: 'visit', at, visitId: id, kind: 'maintenance', amount: 800 });

/**
 * August 2024. care_contact (held out at random by default) started for t1–t4 on the 5th; t5 had
 * care_first_service, which is never held out, so it is in neither group. h1 and h2 were held out of
 * care_contact; h3 too, but its birthday call that month (care_birthday) makes it treated, not a control.
 * Within 90 days: t1 warned orange and visited, t2 visited; h1 warned red, h2 warned only yellow
 * and came back after the window.
 */
describeEachDatabase('care in the monthly review', (t) => {
  it('counts the care work and compares the treated with the held-out', async () => {
    const db = await t.open();
    const ids = ['t1', 't2', 't3', 't4', 't5', 'h1', 'h2', 'h3'];
    await loadLostCustomers(db, Object.fromEntries(ids.map((id) => [id, 1000])), [
      visit('vt1', 't1', '2024-08-25T10:00:00+08:00'), visit('vt2', 't2', '2024-10-30T10:00:00+08:00'),
      visit('vh2', 'h2', '2024-11-04T10:00:00+08:00'), visit('vt3', 't3', '2024-08-01T10:00:00+08:00'),
    ]);
    const runs: number[] = [];
    for (const id of ['t1', 't2', 't3', 't4']) runs.push(await run(db, id, 'care_contact'));
    await run(db, 't5', 'care_first_service');
    for (const id of ['h1', 'h2', 'h3']) await holdOut(db, id, 'care_contact');
    await run(db, 'h3', 'care_birthday', '2024-08-20T10:00:00+08:00');
    await warn(db, 't1', 'orange', '2024-08-20T10:00:00+08:00');
    await warn(db, 'h1', 'red', '2024-08-10T10:00:00+08:00');
    await warn(db, 'h2', 'yellow', '2024-08-10T10:00:00+08:00');

    // Work: two care calls opened in August (one reached, one not), a July one closed in August, an
    // August warning task that is not care; one care message sent in August, one still queued.
    const reached = await seedTask(db, { customerId: 't1', due: null, createdAt: '2024-08-05T10:00:00+08:00' });
    const missed = await seedTask(db, { customerId: 't2', due: null, createdAt: '2024-08-06T10:00:00+08:00' });
    const july = await seedTask(db, { customerId: 't3', due: null, createdAt: '2024-07-30T10:00:00+08:00' });
    await seedTask(db, { customerId: 't4', due: null, createdAt: '2024-08-07T10:00:00+08:00' });
    await db.query("UPDATE tasks SET category = 'care' WHERE id = ANY($1::text[])", [[reached, missed, july]]);
    const close = (id: string, outcome: string, at: string) =>
      db.query("UPDATE tasks SET status = 'closed', outcome = $2, closed_at = $3 WHERE id = $1", [id, outcome, at]);
    await close(reached, 'reached', '2024-08-06T10:00:00+08:00');
    await close(missed, 'no_answer', '2024-08-07T10:00:00+08:00');
    await close(july, 'booked', '2024-08-01T10:00:00+08:00');
    for (const [n, status, customerId] of [[0, 'sent', 't4'], [1, 'queued', 't2']] as const) {
      await db.query(
        `INSERT INTO program_steps (key, run_id, store_id, customer_id, step_id, kind, planned, due, status) VALUES ($1, $2, 'sh-01', $3, 'care_message', 'message', '{}', $4, 'started')`,
        [`step-${n}`, runs[n === 0 ? 3 : 1], customerId, START]);
      await db.query(
        `INSERT INTO outbox_messages (store_id, customer_id, channel, purpose, dedupe_key, step_key, status, created_at, sent_at, updated_at)
         VALUES ('sh-01', $1, 'sms', 'care', $2, $2, $3, $4, $5, $4)`,
        [customerId, `step-${n}`, status, START, status === 'sent' ? START : null]);
    }

    const { care } = await readMonthlyReview(db, '2024-08', EVERYTHING);
    expect(care.work).toEqual({ tasksOpened: 2, tasksDone: 3, tasksReached: 2, messagesSent: 1, customersTouched: 3 });
    expect(care.programs).toContain('care_contact');
    expect(care.programs).not.toContain('care_first_service');
    expect(care.windowDays).toBe(90);
    expect(care.treated).toEqual({ customers: 5, warned: 1, visited: 2 });
    expect(care.heldOut).toEqual({ customers: 2, warned: 1, visited: 0 });
    expect(care.stayedClear.treated.rate).toBeCloseTo(0.8);
    expect(care.stayedClear.heldOut.rate).toBeCloseTo(0.5);
    expect(care.visited.difference).toBeCloseTo(0.4);

    // July: none of it.
    const { care: before } = await readMonthlyReview(db, '2024-07', EVERYTHING);
    expect(before.treated.customers).toBe(0);
    expect(before.work.tasksOpened).toBe(1);
  });
});

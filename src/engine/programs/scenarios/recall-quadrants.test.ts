import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/databases.js';
import { listActions } from '../list-actions.js';
import { dueAt, evaluateAt } from '../testing/drive.js';
import { loadFixture, writeProgramFixture } from '../testing/program-fixture.js';
import { onlyLines } from '../testing/program-lines.js';
import { svc } from '../testing/service-events.js';

// programs.md §8 with scoring §10's recency: recent R ≤ 210, middle up to 300, long beyond. c1 last
// came on 3 February 2024 and spent ¥9,000 (high value); on 3 June R = 121 (lost, recent: level 1),
// on 31 August R = 210 (dormant, still recent), on 1 September R = 211 (middle: level 2). Recall
// runs in working time, 09:00–18:00 every day.
const nightly = (day: string) => `${day}T02:00:00+08:00`;
const recall = { programs: ['recall_level_1', 'recall_level_2', 'recall_level_3'] };
const data = (visitDay: string, amount: number) =>
  writeProgramFixture([{ id: 'c1', since: '2023-01-01' }], [svc.visit('c1', `${visitDay}T10:00:00+08:00`, 'v1', { amount, mileage: 9000 })]);

describeEachDatabase('recall follows the quadrant as R grows (programs.md §8)', (t) => {
  it('a high-value customer first seen at R 250 (middle recency, level 2): the advisor recall call', async () => {
    const db = await t.open();
    await loadFixture(db, data('2023-09-27', 9000));
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await dueAt(db, '2024-06-03T09:00:00+08:00');
    expect(onlyLines(await listActions(db), { programs: ['recall_level_2'] })).toEqual([
      '2024-06-03T09:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-06-05T09:00:00+08:00 program=recall_level_2 step=sa_call',
    ]);
  });

  it('level 1 when turning lost; dormant at the same level starts no second recall; R 211 reaches level 2 and its call', async () => {
    const db = await t.open();
    await loadFixture(db, data('2024-02-03', 9000));
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await evaluateAt(db, nightly('2024-08-31'), ['c1']);
    const runs = async () => (await db.query<{ program_id: string; trigger_key: string }>(
      "SELECT program_id, trigger_key FROM program_runs WHERE program_id LIKE 'recall%' ORDER BY id")).map((r) => `${r.program_id} ${r.trigger_key}`);
    expect(await runs()).toEqual(['recall_level_1 recall:1:2024-06-03']);
    await evaluateAt(db, nightly('2024-09-01'), ['c1']);
    expect(await runs()).toEqual(['recall_level_1 recall:1:2024-06-03', 'recall_level_2 recall:2:2024-09-01']);
    await dueAt(db, '2024-09-01T08:59:59+08:00');
    expect(onlyLines(await listActions(db), { programs: ['recall_level_2'] })).toEqual([]);
    await dueAt(db, '2024-09-01T09:00:00+08:00');
    expect(onlyLines(await listActions(db), { programs: ['recall_level_2'] })).toEqual([
      '2024-09-01T09:00:00+08:00 task_created c1 taskId=#1 type=call role=advisor assigneeId=sa-li due=2024-09-03T09:00:00+08:00 program=recall_level_2 step=sa_call',
    ]);
    // The same night again, and the next: nothing new.
    await evaluateAt(db, nightly('2024-09-01'), ['c1']);
    await evaluateAt(db, nightly('2024-09-02'), ['c1']);
    expect(await runs()).toHaveLength(2);
  });

  it('basic value past R 300 (long) is not recalled: level 3 when lost, nothing more when the quadrant drops out', async () => {
    const db = await t.open();
    await loadFixture(db, data('2024-02-03', 680));
    await evaluateAt(db, nightly('2024-06-03'), ['c1']);
    await evaluateAt(db, nightly('2024-11-30'), ['c1']);
    await evaluateAt(db, nightly('2024-12-01'), ['c1']);
    const programs = await db.query<{ program_id: string }>("SELECT program_id FROM program_runs WHERE program_id LIKE 'recall%' ORDER BY id");
    expect(programs.map((p) => p.program_id)).toEqual(['recall_level_3']);
    expect(onlyLines(await listActions(db), recall).every((l) => l.includes('recall_level_3') || l.includes('recall_offer'))).toBe(true);
  });
});

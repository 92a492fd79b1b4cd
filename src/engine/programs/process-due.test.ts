import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { openDb } from '../../store/open-db.js';
import { nextDueAt, processDue } from './process-due.js';
import { logChannels } from './channel-registry.js';
import { evaluateAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

const T = '2024-05-10T10:00:00+08:00';
const ids = Array.from({ length: 12 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

describeEachDatabase('processDue: claimed once, whoever runs it', (t) => {
  it('tells the clock when the next thing falls due, and does nothing before', async () => {
    const db = await t.open();
    await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [ev.visit('c1', '2024-03-05T10:00:00+08:00')]));
    expect(await nextDueAt(db)).toBeNull();
    await evaluateAt(db, T, ['c1']);
    expect(await nextDueAt(db)).toEqual(new Date('2024-05-13T10:00:00+08:00'));
    expect(await processDue(db, new Date('2024-05-13T09:59:59+08:00'))).toBe(0);
    expect(await processDue(db, new Date('2024-05-13T10:00:00+08:00'), { limit: 1 })).toBe(1);
    expect(await nextDueAt(db)).toEqual(new Date('2024-05-14T10:00:00+08:00'));
  });

  it('two workers at once escalate each overdue task exactly once', async () => {
    const db = await t.open();
    await loadFixture(db, writeProgramFixture(ids.map((id) => ({ id })), ids.map((id) => ev.visit(id, '2024-03-05T10:00:00+08:00'))));
    await evaluateAt(db, T, ids);
    const now = new Date('2024-05-13T10:00:00+08:00');
    // On PostgreSQL the second worker is another connection (another process would be the same);
    // the embedded database has one connection, so there the two take turns.
    const other = t.kind === 'postgres' ? await openDb(t.openOptions()) : db;
    try {
      const run = async (w: typeof db) => {
        let n = 0;
        for (let k = -1; k !== 0; ) n += k = await processDue(w, now, { channels: logChannels(), limit: 3 });
        return n;
      };
      const [a, b] = await Promise.all([run(db), run(other)]);
      expect(a + b).toBe(ids.length);
    } finally {
      if (other !== db) await other.close();
    }
    const escalations = await db.query<{ n: number; tasks: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT fields->>'taskId')::int AS tasks FROM program_actions WHERE kind = 'task_escalated'",
    );
    expect(escalations).toEqual([{ n: ids.length, tasks: ids.length }]);
    const [open] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status = 'open' AND role = 'service_manager'");
    expect(open!.n).toBe(ids.length);
  });
});

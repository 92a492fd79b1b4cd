import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { nps, visit, writeStoreFiles } from '../../test/fixtures.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { importPath } from '../ingest/import-path.js';
import type { Db } from '../store/db.js';
import { groupCommitEvents } from './commit-events.js';

const now = new Date('2024-06-30T10:00:00+08:00');
const ev = (id: string, customerId: string, at: string, score: number) => ({ ...nps(customerId, at, score), id });

async function load(db: Db): Promise<void> {
  await importPath(db, writeStoreFiles([{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }], [visit('c1', '2024-06-01T10:00:00+08:00')]), {});
}

describeEachDatabase('group commit of API events', (t) => {
  it('writes requests that arrive together as one group, each answered with its own results and customers', async () => {
    const db = await t.open();
    await load(db);
    let nudges = 0;
    const commit = groupCommitEvents({ db, policy: async () => defaultPolicy(), nudgeWorker: async () => void nudges++ });
    const shared = ev('shared', 'c2', '2024-06-29T10:00:00+08:00', 9);
    const answers = await Promise.all([
      commit([ev('a1', 'c1', '2024-06-29T09:00:00+08:00', 3)], now),
      commit([{ id: 'b1', customerId: 'c1', type: 'nps', at: '2024-06-29', score: 11 }, ev('b2', 'c3', '2024-06-29T09:00:00+08:00', 10)], now),
      commit([shared, ev('c2-late', 'c2', '2024-06-29T11:00:00+08:00', 8)], now),
      // The same event again in the same group is unchanged; the same id with other content is refused.
      commit([shared, { ...shared, score: 2 }], now),
      commit([ev('d1', 'nobody', '2024-06-29T09:00:00+08:00', 9)], now),
    ]);
    expect(answers.map((a) => a.results.map((r) => `${r.index}:${r.id}:${r.status}`))).toEqual([
      ['0:a1:imported'],
      ['0:b1:rejected', '1:b2:imported'],
      ['0:shared:imported', '1:c2-late:imported'],
      ['0:shared:unchanged', '1:shared:rejected'],
      ['0:d1:rejected'],
    ]);
    expect(answers[1]!.results[0]!.errors![0]!.field).toBe('score');
    expect(answers[3]!.results[1]!.errors![0]!.reason).toMatch(/duplicate id/);
    expect(answers.map((a) => a.reevaluated)).toEqual([1, 1, 1, 0, 0]);
    // The first request starts a group alone; the four that arrive while it is written share the next.
    expect(nudges).toBe(2);
    const days = await db.query<{ customer_id: string }>("SELECT customer_id FROM evaluations WHERE as_of = '2024-06-30' ORDER BY customer_id");
    expect(days.map((d) => d.customer_id)).toEqual(['c1', 'c2', 'c3']);
    const [stored] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE id IN ('a1', 'b2', 'shared', 'c2-late')");
    expect(stored!.n).toBe(4);
  });

  it('retries a failed group request by request, so a failure reaches only the request it belongs to', async () => {
    const db = await t.open();
    await load(db);
    let calls = 0;
    // The policy cannot be read once: for the second group, before anything of it is written.
    const policy = async () => {
      if (++calls === 2) throw new Error('policy store unavailable');
      return defaultPolicy();
    };
    const commit = groupCommitEvents({ db, policy });
    const answers = await Promise.all(['c1', 'c2', 'c3'].map((c) => commit([ev(`e-${c}`, c, '2024-06-29T09:00:00+08:00', 9)], now)));
    expect(answers.map((a) => [a.results[0]!.status, a.reevaluated])).toEqual([['imported', 1], ['imported', 1], ['imported', 1]]);
    expect(calls).toBe(4);

    const failing = groupCommitEvents({ db, policy: async () => { throw new Error('policy store unavailable'); } });
    await expect(failing([ev('never', 'c1', '2024-06-29T12:00:00+08:00', 9)], now)).rejects.toThrow('policy store unavailable');
    expect(await db.query("SELECT id FROM events WHERE id = 'never'")).toEqual([]);
  });

  it('closes a group at its event limit, but always takes at least one request', async () => {
    const db = await t.open();
    await load(db);
    let groups = 0;
    const commit = groupCommitEvents({ db, policy: async () => defaultPolicy(), nudgeWorker: async () => void groups++ }, 2);
    const answers = await Promise.all([
      commit([ev('l1', 'c1', '2024-06-29T09:00:00+08:00', 9)], now),
      commit([ev('l2', 'c2', '2024-06-29T09:00:00+08:00', 9), ev('l3', 'c2', '2024-06-29T10:00:00+08:00', 9), ev('l4', 'c3', '2024-06-29T10:00:00+08:00', 9)], now),
      commit([ev('l5', 'c3', '2024-06-29T11:00:00+08:00', 9)], now),
      commit([ev('l6', 'c1', '2024-06-29T11:00:00+08:00', 9)], now),
    ]);
    expect(answers.map((a) => a.results.every((r) => r.status === 'imported'))).toEqual([true, true, true, true]);
    // [l1], then [l2 l3 l4] alone (over the limit, but a request is never split), then [l5, l6].
    expect(groups).toBe(3);
  });
});

import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { formatDay, parseDay } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { CustomerEvaluation } from '../domain/evaluation.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import type { RetainEvent } from '../domain/records.js';
import { STATE_FORMAT, stateWindowDays } from '../domain/state/compact-history.js';
import { parseStateRecords, rebuildStates, saveStates } from '../store/customer-state.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { writeCustomers } from '../store/write-customers.js';
import { writeEvents } from '../store/write-events.js';
import { writeStores } from '../store/write-stores.js';
import { loadFacts } from './load-facts.js';
import { scoreCustomers } from './score-customers.js';

const policy = defaultPolicy();
const AS_OF = parseDay('2026-06-30');
const day = (n: number) => formatDay(AS_OF - n);

async function seed(db: Db): Promise<void> {
  await writeStores(db, [{ id: 'sh', name: 'Shanghai', region: 'east', timeZone: 'Asia/Shanghai' }]);
  const customer = { storeId: 'sh', name: 'x', since: '2021-01-01', hasApp: true, consent: { sms: true, phone: true, wechat: true, app: true, email: false } };
  await writeCustomers(db, [{ id: 'c1', ...customer }, { id: 'c2', ...customer }]);
}

/** Two years of daily logins and calls, a visit now and then: most of it is old enough to thin. */
function history(customerId: string): RetainEvent[] {
  const events: RetainEvent[] = [];
  for (let n = 800; n >= 0; n -= 5) {
    events.push({ id: `${customerId}-l${n}`, customerId, type: 'app_login', at: day(n) });
    events.push({ id: `${customerId}-c${n}`, customerId, type: 'call', at: `${day(n)}T10:00:00+08:00`, direction: 'out', answered: n % 2 === 0 });
    if (n % 100 === 0) events.push({ id: `${customerId}-v${n}`, customerId, type: 'visit', at: day(n), kind: 'maintenance', amount: 800, basicOnly: false, items: [] });
  }
  return events;
}

const stateOf = async (db: Db, id: string) =>
  (await db.query<{ events: string; revision: string; compacted_to: string | null; format: number }>('SELECT * FROM customer_state WHERE customer_id = $1', [id]))[0];

const run = (db: Db, asOf = AS_OF, p: Policy = policy) => scoreCustomers(db, { asOf, now: new Date(`${formatDay(asOf)}T02:00:00+08:00`), policy: p });

/** What the evaluation gives from the whole log, for comparison with what a run stored from state. */
async function fromLog(db: Db, asOf = AS_OF, p: Policy = policy): Promise<CustomerEvaluation[]> {
  return (await loadFacts(db, ['c1', 'c2'])).map((f) => evaluateCustomer(f, p, asOf, {}));
}
const stored = async (db: Db, asOf = AS_OF) =>
  (await db.query<{ record: CustomerEvaluation }>('SELECT record FROM evaluations WHERE as_of = $1 ORDER BY customer_id', [formatDay(asOf)])).map((r) => r.record);

describeEachDatabase("customers' state", (t) => {
  it('holds every event each write path logs: one INSERT, COPY, and the careful way round a stored id', async () => {
    const db = await t.open();
    await seed(db);
    const events = history('c1');
    await writeEvents(db, events.slice(0, 5)); // one INSERT
    await writeEvents(db, events.slice(5, 200)); // COPY
    // Stored ids, a changed record under a stored id, and new events: the careful way.
    const changed = { ...events[10]!, at: day(1) };
    const result = await writeEvents(db, [...events.slice(190, 220), changed]);
    expect(result.outcomes.at(-1)!.status).toBe('rejected');
    const state = await stateOf(db, 'c1');
    const logged = await db.query<{ record: RetainEvent }>('SELECT record FROM events ORDER BY id');
    const byId = (list: RetainEvent[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(parseStateRecords(state!.events))).toEqual(logged.map((r) => r.record));
    expect(Number(state!.revision)).toBe(3);
    expect(await stateOf(db, 'c2')).toBeUndefined();
  });

  it('is thinned by a run, and the next runs evaluate from it exactly as from the log', async () => {
    const db = await t.open();
    await seed(db);
    await writeEvents(db, [...history('c1'), ...history('c2').slice(0, 10)]);
    const first = await run(db);
    expect(first.statesWritten).toBe(1); // c2's ten events are not worth a rewrite: its state stays whole
    expect((await stateOf(db, 'c2'))!.compacted_to).toBeNull();
    expect(await stored(db)).toEqual(await fromLog(db));
    const c1 = await stateOf(db, 'c1');
    expect(c1!.compacted_to).toBe(formatDay(AS_OF - stateWindowDays(policy) - 31));
    expect(c1!.format).toBe(STATE_FORMAT);
    const kept = parseStateRecords(c1!.events);
    // Before the cutoff only the visits, the last login and the last call of each kind (answered or not) are left.
    const recent = history('c1').filter((e) => e.at.slice(0, 10) > c1!.compacted_to! || e.type === 'visit');
    expect(kept).toHaveLength(recent.length + 3);
    expect(kept.filter((e) => e.type === 'app_login' && e.at <= c1!.compacted_to!)).toHaveLength(1);

    for (const asOf of [AS_OF, AS_OF + 1, AS_OF + 200]) {
      await writeEvents(db, [{ id: `new-${asOf}`, customerId: 'c1', type: 'nps', at: `${formatDay(asOf)}T08:00:00+08:00`, score: 3 }]);
      expect((await run(db, asOf)).customers).toBe(2);
      expect(await stored(db, asOf)).toEqual(await fromLog(db, asOf));
    }
  });

  it('is written back only if nothing was appended since it was read', async () => {
    const db = await t.open();
    await seed(db);
    await writeEvents(db, history('c1'));
    const before = await stateOf(db, 'c1');
    await writeEvents(db, [{ id: 'late', customerId: 'c1', type: 'nps', at: day(0), score: 2 }]);
    const written = await saveStates(db, `c1\t${before!.revision}\t${day(500)}\t{}\n`, STATE_FORMAT);
    expect(written).toBe(0);
    expect(parseStateRecords((await stateOf(db, 'c1'))!.events).map((e) => e.id)).toContain('late');
  });

  it('is rebuilt from the log for a date or a policy it was compacted too recently for', async () => {
    const db = await t.open();
    await seed(db);
    await writeEvents(db, [...history('c1'), ...history('c2')]);
    await run(db);
    const compactedTo = (await stateOf(db, 'c1'))!.compacted_to!;
    // Two months earlier than the state serves: read from the log, and the state rebuilt for it.
    const earlier = AS_OF - 60;
    expect((await run(db, earlier)).statesWritten).toBe(2);
    expect(await stored(db, earlier)).toEqual(await fromLog(db, earlier));
    expect((await stateOf(db, 'c1'))!.compacted_to! < compactedTo).toBe(true);
    // A policy that looks 600 days back at mileage needs a state that kept 600 days.
    const longer: Policy = { ...policy, version: 'longer', features: { ...policy.features, mileageLookbackDays: 600 } };
    expect((await run(db, AS_OF, longer)).statesWritten).toBe(2);
    expect((await stateOf(db, 'c1'))!.compacted_to).toBe(formatDay(AS_OF - 600 - 31));
    expect(await stored(db)).toEqual(await fromLog(db, AS_OF, longer));
    // Compacted by older rules: rebuilt too.
    await db.exec('UPDATE customer_state SET format = 0 WHERE compacted_to IS NOT NULL');
    expect((await run(db, AS_OF, longer)).statesWritten).toBe(2);
  });

  it('is built from the log by the migration and by rebuild-state', async () => {
    const db = await t.open();
    await seed(db);
    await writeEvents(db, [...history('c1'), ...history('c2').slice(0, 30)]);
    await run(db);
    const expected = await stored(db);
    await db.exec('DROP TABLE customer_state; DELETE FROM schema_migrations WHERE version = 15; DELETE FROM evaluations');
    await migrate(db);
    expect(parseStateRecords((await stateOf(db, 'c1'))!.events)).toHaveLength(history('c1').length);
    expect((await stateOf(db, 'c1'))!.compacted_to).toBeNull();
    await db.exec("UPDATE customer_state SET events = '' ");
    expect(await rebuildStates(db)).toBe(2);
    expect(parseStateRecords((await stateOf(db, 'c2'))!.events)).toHaveLength(30);
    await run(db);
    expect(await stored(db)).toEqual(expected);
  });
});

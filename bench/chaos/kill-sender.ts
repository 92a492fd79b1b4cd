import { startLocalGateway } from '../../src/channels/testing/local-gateway.js';
import { writeDemoFiles } from '../../src/demo/write-demo-files.js';
import { DEFAULT_TIME_ZONE, localDayOfInstant } from '../../src/domain/dates.js';
import { defaultPolicy } from '../../src/domain/policy/default-policy.js';
import { scoreCustomers } from '../../src/engine/score-customers.js';
import { importPath } from '../../src/ingest/import-path.js';
import type { Db } from '../../src/store/db.js';
import { exited, freshSchema, PG_URL, sleep, spawnTs } from './chaos-db.js';

interface Outcome {
  keys: Set<string>;
  deliveries: number;
  sent: Set<string>;
  tasks: number;
  duplicateTasks: number;
  duplicateMessages: number;
  stillDue: number;
}

/** A demo center evaluated at `now`, in a fresh schema: its warnings' work is all due then. */
async function prepared(name: string, dir: string, now: Date) {
  const s = await freshSchema(name);
  await importPath(s.db, dir, { now });
  await scoreCustomers(s.db, { asOf: localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE), now, policy: defaultPolicy() });
  return s;
}

async function outcomeOf(db: Db, deliveries: string[], now: Date): Promise<Outcome> {
  const q = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params))[0]!.n;
  const sent = await db.query<{ dedupe_key: string }>("SELECT dedupe_key FROM outbox_messages WHERE status = 'sent'");
  return {
    keys: new Set(deliveries),
    deliveries: deliveries.length,
    sent: new Set(sent.map((r) => r.dedupe_key)),
    tasks: await q('SELECT count(*)::int AS n FROM tasks'),
    duplicateTasks: await q('SELECT count(*)::int AS n FROM (SELECT 1 FROM tasks GROUP BY customer_id, reason HAVING count(*) > 1) d'),
    duplicateMessages: await q('SELECT count(*)::int AS n FROM (SELECT 1 FROM outbox_messages GROUP BY dedupe_key HAVING count(*) > 1) d'),
    stillDue: await q("SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'queued' AND next_attempt_at <= $1", [now]),
  };
}

/**
 * kill -9 of the worker's sending loop at `kills` random points, each run picking up where the
 * last died, then a run to the end; compared with one clean run over the same data. A message
 * is sent inside its transaction, so a kill between the gateway's answer and the commit sends
 * it again with the same Idempotency-Key: those resends are counted, not hidden.
 */
export async function killSender(dir: string, customers: number, kills: number, asOf: string) {
  await writeDemoFiles(dir, { customers, seed: 9, asOf });
  const now = new Date(`${asOf}T10:00:00+08:00`); // office hours: nothing is held for quiet hours
  const gateway = await startLocalGateway(200);
  const keysSince = (from: number) => gateway.received.slice(from).map((r) => String(r.headers['idempotency-key']));
  const send = (schema: string) => spawnTs('bench/chaos/send-due.ts', ['--pg-url', PG_URL, '--schema', schema, '--now', now.toISOString(), '--gateway', gateway.url]);
  const clean = await prepared('chaos_send_clean', dir, now);
  const killed = await prepared('chaos_send_killed', dir, now);
  try {
    let started = Date.now();
    if ((await exited(send(clean.schema))) !== 0) throw new Error('the clean sending run failed');
    const cleanMs = Date.now() - started;
    const want = await outcomeOf(clean.db, keysSince(0), now);
    const from = gateway.received.length;
    started = Date.now();
    for (let i = 0; i < kills; i++) {
      const child = send(killed.schema);
      await sleep(Math.random() * cleanMs);
      child.kill('SIGKILL');
      await exited(child);
    }
    const finalExit = await exited(send(killed.schema));
    const got = await outcomeOf(killed.db, keysSince(from), now);
    const lost = [...want.keys].filter((k) => !got.keys.has(k)).length;
    const extra = [...got.keys].filter((k) => !want.keys.has(k)).length;
    const sentNotDelivered = [...got.sent].filter((k) => !got.keys.has(k)).length;
    const deliveredNotSent = [...got.keys].filter((k) => !got.sent.has(k)).length;
    return {
      messages: want.keys.size,
      tasks: `${got.tasks} (clean: ${want.tasks})`,
      cleanSeconds: cleanMs / 1000,
      chaosSeconds: (Date.now() - started) / 1000,
      deliveries: got.deliveries,
      resentSameKey: got.deliveries - got.keys.size,
      lost,
      extra,
      sentNotDelivered,
      deliveredNotSent,
      duplicateTasks: `${got.duplicateTasks} (clean: ${want.duplicateTasks})`,
      duplicateMessages: got.duplicateMessages,
      stillDue: got.stillDue,
      ok: finalExit === 0 && lost === 0 && extra === 0 && sentNotDelivered === 0 && deliveredNotSent === 0 && got.duplicateTasks === want.duplicateTasks &&
        got.duplicateMessages === 0 && got.stillDue === 0 && got.tasks === want.tasks && want.keys.size > 0,
    };
  } finally {
    await gateway.close();
    await clean.drop();
    await killed.drop();
  }
}

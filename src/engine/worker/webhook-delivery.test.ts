import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { createLogChannel } from '../../channels/log-channel.js';
import { startLocalGateway, type GatewayRequest, type LocalGateway } from '../../channels/testing/local-gateway.js';
import { createWebhookChannel } from '../../channels/webhook-channel.js';
import { verifyWebhook } from '../../channels/webhook-signature.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { defaultContactPolicy } from '../../outbox/default-contact-policy.js';
import type { Db } from '../../store/db.js';
import { channelRegistry } from '../programs/channel-registry.js';
import { nextDueAt } from '../programs/process-due.js';
import { actionLines } from '../programs/testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from '../programs/testing/program-fixture.js';
import { reevaluateCustomers } from '../reevaluate-customers.js';
import { startWorker } from './start-worker.js';
import { workerJobs } from './worker-jobs.js';

const SECRET = 'retain-test-gateway-secret-0001';
// c1 last came on 5 March: on 5 April (R = 31) the yellow warning's SMS care message is due at once.
const T = new Date('2024-04-05T10:00:00+08:00');
const retry = defaultContactPolicy().retry;
const BACKOFF_MS = retry.initialDelaySeconds * 1000;
const plus = (ms: number) => new Date(T.getTime() + ms);

interface OutboxRow {
  dedupe_key: string;
  status: string;
  delivery_status: string | null;
  attempts: number;
  reason: string | null;
  detail: string | null;
  provider_id: string | null;
  sent_at: Date | null;
  next_attempt_at: Date | null;
}

async function smsRows(db: Db): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `SELECT dedupe_key, status, delivery_status, attempts, reason, detail, provider_id, sent_at, next_attempt_at
       FROM outbox_messages WHERE channel = 'sms' ORDER BY id`,
  );
}

/** The gateway's side: the request verifies with the shared secret at the instant it was signed, and with nothing else. */
function expectSignedAt(req: GatewayRequest, at: Date): void {
  const input = {
    secret: SECRET, rawBody: req.rawBody, now: at.getTime(),
    timestamp: req.headers['x-retain-timestamp'] as string | undefined, signature: req.headers['x-retain-signature'] as string | undefined,
  };
  expect(input.timestamp).toBe(String(Math.floor(at.getTime() / 1000)));
  expect(verifyWebhook(input)).toBe(true);
  expect(verifyWebhook({ ...input, secret: 'some-other-secret-of-32-chars!!' })).toBe(false);
  expect(verifyWebhook({ ...input, rawBody: input.rawBody.replace('c1', 'c2') })).toBe(false);
}

describeEachDatabase('webhook delivery through the outbox and the worker', (t) => {
  let gateway: LocalGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  /**
   * One customer whose yellow warning has just opened, and a worker with timers off on a virtual
   * clock: SMS goes to the local gateway through the webhook adapter, other channels to the log.
   * `at(when)` moves the clock and drains what is due, as the worker's sweep would.
   */
  async function yellowCustomer(...statuses: number[]) {
    const db = await t.open();
    await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [ev.visit('c1', '2024-03-05T10:00:00+08:00')]));
    gateway = await startLocalGateway(...statuses);
    let now = T;
    const clock = () => now;
    const sms = createWebhookChannel({ url: gateway.url, secret: SECRET }, () => clock().getTime());
    const channels = channelRegistry(createLogChannel({ write: () => undefined }), { sms });
    const jobs = workerJobs(db, { channels, policy: async () => defaultPolicy(), timeZone: 'Asia/Shanghai' });
    const worker = await startWorker(db, jobs, { clock, timeZone: 'Asia/Shanghai', timers: false });
    await reevaluateCustomers(db, ['c1'], defaultPolicy(), T);
    const at = (when: Date) => {
      now = when;
      return worker.drain();
    };
    return { db, at, received: gateway.received };
  }

  it('500 then 200: the retry waits out the back-off, delivers once, and nothing is sent again', async () => {
    expect(BACKOFF_MS).toBeGreaterThan(1000);
    const { db, at, received } = await yellowCustomer(500, 200);

    // The step starts and queues the SMS; the first attempt gets a 500.
    expect(await at(T)).toBe(2);
    expect(received).toHaveLength(1);
    const [queued] = await smsRows(db);
    expect(queued).toMatchObject({ status: 'queued', delivery_status: 'retry', attempts: 1, sent_at: null, next_attempt_at: plus(BACKOFF_MS) });
    expect(queued!.detail).toMatch(/^HTTP 500 /);
    expect(await nextDueAt(db)).toEqual(plus(BACKOFF_MS));

    // One second before the back-off is due: nothing goes out.
    expect(await at(plus(BACKOFF_MS - 1000))).toBe(0);
    expect(received).toHaveLength(1);

    expect(await at(plus(BACKOFF_MS))).toBe(1);
    expect(received).toHaveLength(2);
    expect(await smsRows(db)).toEqual([{
      dedupe_key: queued!.dedupe_key, status: 'sent', delivery_status: 'delivered', attempts: 2, reason: null, detail: 'HTTP 200',
      provider_id: 'gw-2', sent_at: plus(BACKOFF_MS), next_attempt_at: null,
    }]);

    // The same message twice, each attempt signed at its own instant, one idempotency key.
    expectSignedAt(received[0]!, T);
    expectSignedAt(received[1]!, plus(BACKOFF_MS));
    for (const req of received) {
      expect(req.headers['idempotency-key']).toBe(queued!.dedupe_key);
      expect(JSON.parse(req.rawBody)).toMatchObject({ dedupeKey: queued!.dedupe_key, customerId: 'c1', channel: 'sms', purpose: 'care_offer', to: '13812341234' });
    }
    const sent = (await actionLines(db)).filter((l) => l.includes('message_sent'));
    expect(sent).toEqual(['2024-04-05T10:01:00+08:00 message_sent c1 channel=sms purpose=care_offer']);
    const [touches] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type = 'message'");
    expect(touches!.n).toBe(1);

    // Driving on: the same instant again, then past the response window (the escalation is a
    // task, the R = 35 push goes to the log), up to the day before the R = 45 SMS.
    expect(await at(plus(BACKOFF_MS))).toBe(0);
    await at(new Date('2024-04-08T10:00:00+08:00'));
    await at(new Date('2024-04-18T23:59:59+08:00'));
    expect(received).toHaveLength(2);
    expect(await smsRows(db)).toHaveLength(1);
  });

  it('400: one request, the message fails with the gateway\'s answer recorded, and no retry however far the clock goes', async () => {
    const { db, at, received } = await yellowCustomer(400);
    expect(await at(T)).toBe(2);
    expect(received).toHaveLength(1);
    expectSignedAt(received[0]!, T);
    const [failed] = await smsRows(db);
    expect(failed).toMatchObject({ status: 'failed', delivery_status: 'failed', reason: 'rejected', attempts: 1, sent_at: null, next_attempt_at: null });
    expect(failed!.detail).toBe('HTTP 400 {"error":"status 400 from the test gateway"}');

    for (const when of [plus(BACKOFF_MS - 1000), plus(BACKOFF_MS), plus(retry.maxDelaySeconds * 1000), new Date('2024-07-01T10:00:00+08:00')]) await at(when);
    // Later program messages (the R = 45 SMS) reach the gateway under their own keys; this one never again.
    expect(received.filter((r) => r.headers['idempotency-key'] === failed!.dedupe_key)).toHaveLength(1);
    expect((await smsRows(db))[0]).toEqual(failed);
    expect((await actionLines(db)).filter((l) => l.includes('message_sent c1 channel=sms'))).toEqual([]);
  });

  it('a gateway that stays down: attempts on the back-off schedule until the last, then failed for good', async () => {
    const { db, at, received } = await yellowCustomer(503);
    await at(T);
    // Each wait doubles from the first, capped: the attempts land exactly when the schedule says.
    const expected = [T];
    for (let n = 1; n < retry.maxAttempts; n++) {
      const wait = Math.min(retry.initialDelaySeconds * retry.factor ** (n - 1), retry.maxDelaySeconds) * 1000;
      expected.push(new Date(expected.at(-1)!.getTime() + wait));
    }
    for (const when of expected.slice(1)) {
      expect(await nextDueAt(db)).toEqual(when);
      expect(await at(when)).toBe(1);
    }
    expect(received).toHaveLength(retry.maxAttempts);
    received.forEach((req, i) => expectSignedAt(req, expected[i]!));
    const [row] = await smsRows(db);
    expect(row).toMatchObject({ status: 'failed', delivery_status: 'retry', reason: 'retries_exhausted', attempts: retry.maxAttempts, next_attempt_at: null });
    expect(row!.detail).toBe(`HTTP 503 {"error":"status 503 from the test gateway"}; gave up after ${retry.maxAttempts} attempts`);
    await at(new Date('2024-04-06T10:00:00+08:00'));
    expect(received).toHaveLength(retry.maxAttempts);
  });
});

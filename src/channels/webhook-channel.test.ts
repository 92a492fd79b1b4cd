import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultContactPolicy } from '../outbox/default-contact-policy.js';
import { nextRetry } from '../outbox/retry-schedule.js';
import type { OutboundMessage, SendResult } from './channel.js';
import { createWebhookChannel } from './webhook-channel.js';
import { verifyWebhook } from './webhook-signature.js';

const SECRET = 'gateway-shared-secret-0123456789';
const message: OutboundMessage = {
  dedupeKey: 'early_warning:c-001:red_sms:1', customerId: 'c-001', channel: 'sms', purpose: 'care',
  to: '13800000000', body: '王先生您好，您的爱车该保养了，回复TD退订。',
};

interface Received { headers: IncomingMessage['headers']; rawBody: string }
type Reply = (res: ServerResponse) => void;

/** A real gateway stand-in on 127.0.0.1, port chosen by the OS; answers with `replies` in turn. */
const servers: Server[] = [];
async function gateway(...replies: Reply[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      const reply = replies[Math.min(received.length, replies.length) - 1]!;
      reply(res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, received, server };
}
const answer = (status: number, body = '') => (res: ServerResponse) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
const never: Reply = () => {};

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe('webhook channel against a local HTTP server', () => {
  it('POSTs the message as signed JSON that verifies with the secret and not with another', async () => {
    const gw = await gateway(answer(200, '{"id":"gw-42"}'));
    const result = await createWebhookChannel({ url: gw.url, secret: SECRET }).send(message);
    expect(result).toEqual({ status: 'delivered', detail: 'HTTP 200', providerId: 'gw-42' });

    const [req] = gw.received;
    const payload = JSON.parse(req!.rawBody);
    expect(payload).toMatchObject({ dedupeKey: message.dedupeKey, customerId: 'c-001', channel: 'sms', to: '13800000000', body: message.body });
    expect(req!.headers['content-type']).toMatch(/application\/json/);
    expect(req!.headers['idempotency-key']).toBe(message.dedupeKey);

    const check = (secret: string, over: Partial<{ rawBody: string; timestamp: string; now: number }> = {}) => verifyWebhook({
      secret, rawBody: req!.rawBody, timestamp: req!.headers['x-retain-timestamp'] as string,
      signature: req!.headers['x-retain-signature'] as string, now: Date.now(), ...over,
    });
    expect(req!.headers['x-retain-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(check(SECRET)).toBe(true);
    expect(check('another-secret-0123456789abcdef')).toBe(false);
    expect(check(SECRET, { rawBody: req!.rawBody.replace('13800000000', '13900000000') })).toBe(false);
    // The timestamp is signed: changing it breaks the signature, and an old request is refused.
    expect(check(SECRET, { timestamp: String(Number(req!.headers['x-retain-timestamp']) + 1) })).toBe(false);
    expect(check(SECRET, { now: Date.now() + 600_000 })).toBe(false);
  });

  it('500 → retry, then 200 → delivered: the caller retries, the gateway delivers once', async () => {
    const gw = await gateway(answer(500, 'upstream down'), answer(200, '{"messageId":"m-1"}'));
    const channel = createWebhookChannel({ url: gw.url, secret: SECRET });
    const retry = defaultContactPolicy().retry;
    const results: SendResult[] = [];
    for (let attempt = 1; ; attempt++) {
      const r = await channel.send(message);
      results.push(r);
      if (r.status !== 'retry' || nextRetry(attempt, Date.now(), retry).action === 'failed') break;
    }
    expect(results.map((r) => r.status)).toEqual(['retry', 'delivered']);
    expect(results[0]!.detail).toMatch(/500/);
    expect(results.filter((r) => r.status === 'delivered')).toHaveLength(1);
    expect(gw.received).toHaveLength(2);
    // Same idempotency key on both attempts, so a gateway that did send the first can drop the second.
    expect(new Set(gw.received.map((r) => r.headers['idempotency-key']))).toEqual(new Set([message.dedupeKey]));
  });

  it('400 → failed, and the caller does not retry', async () => {
    const gw = await gateway(answer(400, '{"error":"bad number"}'), answer(200));
    const channel = createWebhookChannel({ url: gw.url, secret: SECRET });
    const r = await channel.send(message);
    expect(r.status).toBe('failed');
    expect(r.detail).toMatch(/400.*bad number/);
    expect(gw.received).toHaveLength(1);
  });

  it.each([[429, 'retry'], [503, 'retry'], [404, 'failed'], [302, 'failed'], [204, 'delivered']] as const)('HTTP %i → %s', async (status, expected) => {
    const gw = await gateway((res) => res.writeHead(status, status === 302 ? { Location: 'http://127.0.0.1:1/' } : {}).end());
    expect((await createWebhookChannel({ url: gw.url, secret: SECRET }).send(message)).status).toBe(expected);
    expect(gw.received).toHaveLength(1);
  });

  it('a gateway that never answers → retry once the timeout passes', async () => {
    const gw = await gateway(never);
    const started = Date.now();
    const r = await createWebhookChannel({ url: gw.url, secret: SECRET, timeoutMs: 300 }).send(message);
    const took = Date.now() - started;
    expect(r).toEqual({ status: 'retry', detail: 'no answer within 300 ms' });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
  });

  it('headers then silence: the body read is inside the timeout too', async () => {
    const gw = await gateway((res) => { res.writeHead(200); res.write('{"id":'); });
    const r = await createWebhookChannel({ url: gw.url, secret: SECRET, timeoutMs: 300 }).send(message);
    // The 200 status line came: the gateway took the message, even if its answer was cut short.
    expect(r.status).toBe('delivered');
  });

  it('nobody listening → retry (network error)', async () => {
    const gw = await gateway(answer(200));
    const url = gw.url;
    servers.splice(servers.indexOf(gw.server), 1);
    await new Promise((resolve) => gw.server.close(resolve));
    const r = await createWebhookChannel({ url, secret: SECRET }).send(message);
    expect(r.status).toBe('retry');
    expect(r.detail).toMatch(/network error: ECONNREFUSED/);
  });

  it('refuses a bad configuration up front', () => {
    expect(() => createWebhookChannel({ url: 'ftp://gateway/x', secret: SECRET })).toThrow(/http/);
    expect(() => createWebhookChannel({ url: 'http://127.0.0.1/x', secret: 'short' })).toThrow(/16/);
  });
});

import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from './channel.js';
import { createSmtpChannel, type SmtpChannel } from './smtp-channel.js';
import { readMime } from './testing/read-mime.js';

const SUBJECT = '【保养提醒】王先生，您的 Model 3 该做年度保养了';
const BODY = '王先生您好：\n\n您的爱车距上次保养已满12个月，建议本周预约。预约热线 021-5888 8888。\n回复“退订”不再接收。\n\n上海浦东服务中心';
const message: OutboundMessage = {
  dedupeKey: 'maintenance:c-001:2024-06', customerId: 'c-001', channel: 'email', purpose: 'maintenance_reminder',
  to: 'wang@example.cn', subject: SUBJECT, body: BODY,
};

interface Received { from: string; to: string[]; raw: string }

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/** A real SMTP server on 127.0.0.1 (no TLS, no auth: a local relay), port chosen by the OS. */
async function mailServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port, received, server };
}

function channelTo(port: number, timeoutMs = 5_000): SmtpChannel {
  const ch = createSmtpChannel({ host: '127.0.0.1', port, from: '"上海浦东服务中心" <service@retain.test>', timeoutMs });
  cleanup.push(async () => ch.close());
  return ch;
}

describe('smtp channel against a local SMTP server', () => {
  it('delivers a Chinese subject and body intact to the recipient', async () => {
    const { port, received } = await mailServer();
    const r = await channelTo(port).send(message);
    expect(r.status).toBe('delivered');
    expect(r.providerId).toMatch(/^<.+>$/);

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['wang@example.cn']);
    expect(received[0]!.from).toBe('service@retain.test');
    const mail = readMime(received[0]!.raw);
    expect(mail.headers.get('subject')).toBe(SUBJECT);
    expect(mail.headers.get('from')).toBe('上海浦东服务中心 <service@retain.test>');
    expect(mail.headers.get('to')).toBe('wang@example.cn');
    expect(mail.headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(mail.headers.get('x-retain-dedupe-key')).toBe(message.dedupeKey);
    expect(mail.text.replace(/\r\n/g, '\n')).toBe(BODY);
    // On the wire it is 7-bit clean: the Chinese travels encoded, not as raw bytes.
    expect(received[0]!.raw).not.toMatch(/[^\x00-\x7f]/);
  });

  it('a permanent refusal (550) → failed, a temporary one (450) → retry', async () => {
    const refuse = (code: number) => mailServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error(code === 550 ? 'No such user' : 'Mailbox busy'), { responseCode: code }));
      },
    });
    const permanent = await refuse(550);
    const p = await channelTo(permanent.port).send(message);
    expect(p.status).toBe('failed');
    expect(p.detail).toMatch(/550/);
    const temporary = await refuse(450);
    const t = await channelTo(temporary.port).send(message);
    expect(t.status).toBe('retry');
    expect(t.detail).toMatch(/450/);
    expect(permanent.received).toHaveLength(0);
  });

  it('no server listening → retry', async () => {
    const { port, server } = await mailServer();
    cleanup.pop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const r = await channelTo(port, 2_000).send(message);
    expect(r.status).toBe('retry');
  });

  it('sends e-mail only, and only with a subject', async () => {
    const { port, received } = await mailServer();
    const ch = channelTo(port);
    expect(await ch.send({ ...message, channel: 'sms' })).toEqual({ status: 'failed', detail: 'the smtp channel sends e-mail, not sms' });
    expect(await ch.send({ ...message, subject: ' ' })).toEqual({ status: 'failed', detail: 'an e-mail needs a subject' });
    expect(received).toHaveLength(0);
  });
});

import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Channel, OutboundMessage, SendResult } from './channel.js';

export const smtpConfigSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse to send in clear text when the server does not offer STARTTLS. */
  requireTLS: z.boolean().default(false),
  auth: z.strictObject({ user: z.string().min(1), pass: z.string() }).optional(),
  /** `"上海浦东服务中心" <service@example.com>`; the name may be Chinese. */
  from: z.string().min(3),
  /** Connect, greeting and idle socket limits, each. */
  timeoutMs: z.number().int().positive().default(30_000),
});
export type SmtpConfig = z.input<typeof smtpConfigSchema>;

export interface SmtpChannel extends Channel {
  /** Closes pooled connections (none unless the transport kept one); for shutdown and tests. */
  close(): void;
}

/** Connection-level problems: the server may well take the message a little later. */
const TRANSIENT = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

/**
 * E-mail through an SMTP server with nodemailer, which encodes a Chinese subject as an RFC 2047
 * UTF-8 word and the body as UTF-8 quoted-printable/base64, so it arrives intact through any
 * 7-bit relay. "delivered" means the server accepted the message for the recipient; bounces
 * come back later by mail, not here. SMTP's own split decides retry: 4xx is temporary, 5xx is
 * final.
 */
export function createSmtpChannel(config: SmtpConfig): SmtpChannel {
  const c = smtpConfigSchema.parse(config);
  const transport = nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.secure,
    requireTLS: c.requireTLS,
    ...(c.auth ? { auth: c.auth } : {}),
    connectionTimeout: c.timeoutMs,
    greetingTimeout: c.timeoutMs,
    socketTimeout: c.timeoutMs,
  });
  return {
    name: 'smtp',
    close: () => transport.close(),
    async send(message: OutboundMessage): Promise<SendResult> {
      if (message.channel !== 'email') return { status: 'failed', detail: `the smtp channel sends e-mail, not ${message.channel}` };
      // A template that forgot the subject is a bug to surface, not a blank e-mail to send.
      if (!message.subject?.trim()) return { status: 'failed', detail: 'an e-mail needs a subject' };
      try {
        const info = await transport.sendMail({
          from: c.from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          headers: { 'X-Retain-Dedupe-Key': message.dedupeKey },
        });
        // Addresses come back as strings or { name, address } objects depending on the input form.
        const accepted = (info.accepted as Array<string | { address: string }>).map((a) => (typeof a === 'string' ? a : a.address));
        if (!accepted.includes(message.to)) return { status: 'failed', detail: `recipient not accepted: ${info.response}` };
        return { status: 'delivered', detail: info.response, providerId: info.messageId };
      } catch (error) {
        return resultOfError(error);
      }
    },
  };
}

function resultOfError(error: unknown): SendResult {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const detail = `${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message ?? String(error)}`;
  if (typeof e.responseCode === 'number') return { status: e.responseCode < 500 ? 'retry' : 'failed', detail };
  return { status: e.code && TRANSIENT.has(e.code) ? 'retry' : 'failed', detail };
}

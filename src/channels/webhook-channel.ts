import { z } from 'zod';
import type { Channel, OutboundMessage, SendResult } from './channel.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

export const webhookConfigSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** Shared with the gateway, which verifies each request with it (webhook-signature.ts). */
  secret: z.string().min(16, 'must be at least 16 characters'),
  /** The whole exchange (connect, headers, body) must finish within this. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type WebhookConfig = z.input<typeof webhookConfigSchema>;

/** The JSON the gateway receives; field names are a contract with gateway implementers. */
export interface WebhookPayload {
  dedupeKey: string;
  customerId: string;
  channel: OutboundMessage['channel'];
  purpose: string;
  to: string;
  subject: string | null;
  body: string;
  /** When this attempt was signed (ISO 8601, UTC). */
  sentAt: string;
}

/**
 * SMS / WeChat / app-push through an HTTP gateway: one signed JSON POST per message.
 * 2xx → delivered; 429, 5xx, network errors and timeouts → retry (the gateway may be back
 * later); any other answer → failed (a 4xx will not change by asking again, and a redirect is
 * refused rather than followed so a signed request never goes to an address nobody configured).
 * `now` is the clock of the timestamp header, a parameter for tests.
 */
export function createWebhookChannel(config: WebhookConfig, now: () => number = Date.now): Channel {
  const { url, secret, timeoutMs } = webhookConfigSchema.parse(config);
  return {
    name: 'webhook',
    async send(message: OutboundMessage): Promise<SendResult> {
      const at = now();
      const payload: WebhookPayload = {
        dedupeKey: message.dedupeKey, customerId: message.customerId, channel: message.channel, purpose: message.purpose,
        to: message.to, subject: message.subject ?? null, body: message.body, sentAt: new Date(at).toISOString(),
      };
      const rawBody = JSON.stringify(payload);
      const timestamp = String(Math.floor(at / 1000));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: signWebhook(secret, timestamp, rawBody),
            'Idempotency-Key': message.dedupeKey,
          },
          body: rawBody,
          redirect: 'manual',
          signal: controller.signal,
        });
        // Read the body inside the timeout too: a gateway that sends headers and then stalls
        // must not hold the worker.
        const text = await response.text().catch(() => '');
        return resultOf(response.status, text);
      } catch (error) {
        if (controller.signal.aborted) return { status: 'retry', detail: `no answer within ${timeoutMs} ms` };
        return { status: 'retry', detail: `network error: ${describe(error)}` };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function resultOf(status: number, text: string): SendResult {
  const snippet = text.slice(0, 200);
  if (status >= 200 && status < 300) {
    const providerId = providerIdOf(text);
    return { status: 'delivered', detail: `HTTP ${status}`, ...(providerId ? { providerId } : {}) };
  }
  if (status === 429 || status >= 500) return { status: 'retry', detail: `HTTP ${status} ${snippet}`.trim() };
  return { status: 'failed', detail: `HTTP ${status} ${snippet}`.trim() };
}

/** A gateway may answer `{ "id": … }`, `{ "messageId": … }` or `{ "providerId": … }`. */
function providerIdOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return undefined;
    const b = body as Record<string, unknown>;
    const id = b.providerId ?? b.messageId ?? b.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/** undici hides the useful part (ECONNREFUSED, …) in `cause`. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

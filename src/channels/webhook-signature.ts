import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a signed webhook request. */
export const SIGNATURE_HEADER = 'X-Retain-Signature';
export const TIMESTAMP_HEADER = 'X-Retain-Timestamp';

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${rawBody}`). The timestamp (Unix
 * seconds) is inside the signed text so a captured request cannot be replayed later with a
 * fresh timestamp; the raw body is signed byte for byte, so the receiver must verify before
 * parsing the JSON.
 */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

export interface VerifyInput {
  secret: string;
  /** The X-Retain-Timestamp header. */
  timestamp: string | undefined;
  /** The X-Retain-Signature header. */
  signature: string | undefined;
  rawBody: string;
  /** Receiver's clock in ms; a request older or newer than `toleranceSeconds` is refused. */
  now: number;
  toleranceSeconds?: number;
}

/** The receiver's side, for gateway implementers (and the tests): constant-time, replay window. */
export function verifyWebhook(input: VerifyInput): boolean {
  const { secret, timestamp, signature, rawBody, now, toleranceSeconds = 300 } = input;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

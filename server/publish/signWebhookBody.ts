import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Copydesk-Signature` value for a body: `sha256=<hex HMAC-SHA256 of the exact bytes>`. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether `signature` is the right one for `body`, compared in constant time (what a receiver does). */
export function verifyWebhookSignature(body: string | Buffer, secret: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

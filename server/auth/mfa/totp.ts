import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Codes of the step before and after now are accepted too: phones' clocks drift, people type slowly. */
const WINDOW = 1;

function totp(secret: string, label = 'Copydesk', issuer = 'Copydesk'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` address an authenticator app reads from the enrolment QR code. */
export function otpauthUrl(secret: string, accountName: string, issuer: string): string {
  return totp(secret, accountName, issuer).toString();
}

/** The time step (`floor(unix seconds / 30)`) of the instant `atMs`. */
export function timeStep(atMs: number): number {
  return Math.floor(atMs / 1000 / PERIOD_SECONDS);
}

/** Whether `code` looks like a TOTP code (six digits, spaces ignored) rather than a recovery code. */
export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

/**
 * The time step whose code `code` is, among the steps around `atMs`; null when it is none of them.
 * The caller still has to check the step was not used before (a code is accepted once).
 */
export function matchTotp(secret: string, code: string, atMs: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: atMs, window: WINDOW });
  return delta === null ? null : timeStep(atMs) + delta;
}

/** The code of `secret` at the instant `atMs` (what the user's app shows then). */
export function totpCode(secret: string, atMs: number): string {
  return totp(secret).generate({ timestamp: atMs });
}

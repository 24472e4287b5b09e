import { describe, expect, it } from 'vitest';
import { isTotpShaped, matchTotp, newTotpSecret, otpauthUrl, timeStep, totpCode } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32; six-digit codes are the
// last six digits of the eight-digit ones listed there.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('computes the codes of RFC 6238', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
  });

  it('answers the time step of a code from the step before, now, or the step after, and nothing further', () => {
    const at = 1_234_567_890_000;
    const step = timeStep(at);
    expect(step).toBe(41_152_263);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at), at)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 30_000), at)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at + 30_000), at)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at + 60_000), at)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 60_000), at)).toBeNull();
  });

  it('ignores spaces in a code and refuses anything but six digits', () => {
    const at = 1_234_567_890_000;
    expect(matchTotp(RFC_SECRET, ' 005 924 ', at)).toBe(timeStep(at));
    expect(matchTotp(RFC_SECRET, '05924', at)).toBeNull();
    expect(matchTotp(RFC_SECRET, '0059245', at)).toBeNull();
    expect(matchTotp(RFC_SECRET, '00592a', at)).toBeNull();
    expect(isTotpShaped('123 456')).toBe(true);
    expect(isTotpShaped('abcd-efgh-jkmn')).toBe(false);
  });

  it('makes a new 160-bit secret each time, and the address an authenticator app reads', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const url = new URL(otpauthUrl(a, 'ana', 'Copydesk'));
    expect(url.href.startsWith('otpauth://totp/Copydesk:ana?')).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toEqual({ issuer: 'Copydesk', secret: a, algorithm: 'SHA1', digits: '6', period: '30' });
  });
});

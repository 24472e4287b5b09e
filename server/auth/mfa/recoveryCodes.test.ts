import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes } from './recoveryCodes.ts';

describe('recovery codes', () => {
  it('are ten distinct codes of three groups of four unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it('hash the same whatever the case, spaces and dashes typed, and differently for another code', () => {
    const hash = hashRecoveryCode('k7qm-2xfp-9hrd');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(' K7QM 2XFP 9HRD ')).toBe(hash);
    expect(hashRecoveryCode('k7qm2xfp9hrd')).toBe(hash);
    expect(hashRecoveryCode('k7qm-2xfp-9hre')).not.toBe(hash);
  });
});

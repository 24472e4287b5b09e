import { describe, expect, it } from 'vitest';
import { IDENTITY_COLORS, parseIdentity, pickColor } from './identity.ts';

describe('identity', () => {
  it('picks colors from the palette at both ends of the random range', () => {
    expect(pickColor(() => 0)).toBe(IDENTITY_COLORS[0]);
    expect(pickColor(() => 0.9999)).toBe(IDENTITY_COLORS[IDENTITY_COLORS.length - 1]);
  });
  it('accepts a well-formed stored identity and trims the name', () => {
    expect(parseIdentity('{"name":" Ada ","color":"#1d4ed8"}')).toEqual({ name: 'Ada', color: '#1d4ed8' });
  });
  it('rejects missing, blank or malformed identities', () => {
    expect(parseIdentity(null)).toBeNull();
    expect(parseIdentity('{')).toBeNull();
    expect(parseIdentity('{"name":"  ","color":"#1d4ed8"}')).toBeNull();
    expect(parseIdentity('{"name":"Ada","color":"red; background:url(x)"}')).toBeNull();
  });
});

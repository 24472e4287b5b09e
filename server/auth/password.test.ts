import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password.ts';

// Cheap parameters keep the suite fast; one test below runs the production default once.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('writes a self-describing string with a fresh salt each time', async () => {
    const a = await hashPassword('same password', FAST);
    const b = await hashPassword('same password', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a).params).toEqual(FAST);
    expect(parsePasswordHash(a).key).toHaveLength(32);
  });

  it('treats canonically equal Unicode spellings as the same password', async () => {
    const hash = await hashPassword('caf\u00e9-au-lait', FAST);
    expect(await verifyPassword('cafe\u0301-au-lait', hash)).toBe(true);
  });

  it('answers false for an unknown user after spending a hash', async () => {
    expect(await verifyPassword('anything', null, FAST)).toBe(false);
  });

  it('refuses malformed or abusive encoded hashes', async () => {
    expect(() => parsePasswordHash('bcrypt$xx')).toThrow(RangeError);
    expect(() => parsePasswordHash('scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5')).toThrow(/power of two/);
    expect(() => parsePasswordHash(`scrypt$${2 ** 24}$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5`)).toThrow(RangeError);
    await expect(verifyPassword('x', 'scrypt$1024$8$1$$')).rejects.toThrow(RangeError);
  });

  it('flags hashes weaker than the wanted parameters for rehashing', async () => {
    const weak = await hashPassword('pw', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('hashes at the OWASP default (N=2^17, r=8, p=1) without exceeding scrypt memory limits', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = await hashPassword('production strength');
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('production strength', hash)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
  });

  it('does not block the event loop while hashing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await hashPassword('background work', { N: 2 ** 15, r: 8, p: 1 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

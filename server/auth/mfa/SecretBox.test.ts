import { describe, expect, it } from 'vitest';
import { SecretBox, SecretUnreadableError } from './SecretBox.ts';

const key = (fill: number) => new Uint8Array(32).fill(fill);

describe('SecretBox', () => {
  it('seals a secret so that only the same key and account open it, differently each time', () => {
    const box = new SecretBox(key(7));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 42);
    expect(sealed).toMatch(/^aes256gcm:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 42)).not.toBe(sealed);
    expect(box.open(sealed, 42)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 43)).toThrow(SecretUnreadableError);
    expect(() => new SecretBox(key(8)).open(sealed, 42)).toThrow(SecretUnreadableError);
    expect(() => new SecretBox(null).open(sealed, 42)).toThrow(SecretUnreadableError);
    const [kind, iv, tag, body] = sealed.split(':');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open([kind, iv, tag, flipped.toString('base64url')].join(':'), 42)).toThrow(SecretUnreadableError);
    expect(() => box.open('something else', 42)).toThrow(SecretUnreadableError);
  });

  it('without a key keeps secrets marked plain, and still opens them once a key is set', () => {
    const plain = new SecretBox(null);
    expect(plain.seals).toBe(false);
    expect(plain.seal('ABC', 1)).toBe('plain:ABC');
    expect(plain.open('plain:ABC', 1)).toBe('ABC');
    expect(new SecretBox(key(1)).open('plain:ABC', 1)).toBe('ABC');
    expect(() => new SecretBox(new Uint8Array(16))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('MFA_KEY', () => {
  it('is none by default, and 32 bytes as 64 hex digits or base64', () => {
    expect(loadConfig({}).mfaKey).toBeNull();
    expect(loadConfig({ MFA_KEY: '  ' }).mfaKey).toBeNull();
    const hex = '00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF';
    expect(Buffer.from(loadConfig({ MFA_KEY: hex }).mfaKey!).toString('hex')).toBe(hex.toLowerCase());
    const base64 = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ MFA_KEY: base64 }).mfaKey).toEqual(new Uint8Array(32).fill(9));
  });

  it('refuses anything else without repeating it', () => {
    for (const bad of ['secret', '00112233', Buffer.alloc(16).toString('base64'), 'z'.repeat(64)]) {
      expect(() => loadConfig({ MFA_KEY: bad })).toThrow(ConfigError);
      try {
        loadConfig({ MFA_KEY: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
      }
    }
  });
});

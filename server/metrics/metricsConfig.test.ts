import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('METRICS_ALLOW and METRICS_TOKEN', () => {
  it('allow loopback only and no token by default', () => {
    const config = loadConfig({});
    expect(config.metricsAllow.entries).toEqual(['127.0.0.1', '::1']);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((a) => config.metricsAllow.has(a))).toEqual([true, true, true]);
    expect(config.metricsAllow.has('10.0.0.1')).toBe(false);
    expect(config.metricsToken).toBeNull();
    expect(loadConfig({ METRICS_ALLOW: '', METRICS_TOKEN: '' })).toMatchObject({ metricsToken: null, metricsAllow: { entries: ['127.0.0.1', '::1'] } });
  });

  it('read comma-separated addresses and CIDR ranges, IPv4 and IPv6; "none" allows no address', () => {
    const config = loadConfig({ METRICS_ALLOW: ' 10.1.0.0/16 , 192.0.2.7,fd00::/8 ' });
    expect(['10.1.2.3', '192.0.2.7', 'fd12::1'].every((a) => config.metricsAllow.has(a))).toBe(true);
    expect(['10.2.0.1', '192.0.2.8', '127.0.0.1', '::1'].some((a) => config.metricsAllow.has(a))).toBe(false);
    const none = loadConfig({ METRICS_ALLOW: 'none', METRICS_TOKEN: 'a-long-enough-token-123' });
    expect(none.metricsAllow.has('127.0.0.1')).toBe(false);
    expect(none.metricsToken).toBe('a-long-enough-token-123');
  });

  it('stop the server with a message naming the variable for a bad value, never echoing a token', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '300.1.1.1', '::1/129']) {
      expect(() => loadConfig({ METRICS_ALLOW: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ METRICS_ALLOW: bad })).toThrow(/^METRICS_ALLOW: /);
    }
    for (const bad of ['short', 'has a space in it somewhere', 'tab\tinside-0123456789']) {
      let error: unknown;
      try {
        loadConfig({ METRICS_TOKEN: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^METRICS_TOKEN /);
      expect((error as Error).message).not.toContain(bad);
    }
  });
});

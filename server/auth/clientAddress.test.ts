import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TrustedProxies, clientAddress, normalizeAddress } from './clientAddress.ts';

describe('TrustedProxies', () => {
  it('matches single addresses and CIDR ranges of both families', () => {
    const trusted = new TrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(trusted.has('127.0.0.1')).toBe(true);
    expect(trusted.has('::ffff:127.0.0.1')).toBe(true);
    expect(trusted.has('10.200.3.4')).toBe(true);
    expect(trusted.has('11.0.0.1')).toBe(false);
    expect(trusted.has('fd12::1')).toBe(true);
    expect(trusted.has('fe80::1')).toBe(false);
    expect(trusted.has('not an ip')).toBe(false);
  });

  it('refuses entries that are not addresses or ranges', () => {
    expect(() => new TrustedProxies(['localhost'])).toThrow(RangeError);
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow(RangeError);
    expect(() => new TrustedProxies(['10.0.0.0/x'])).toThrow(RangeError);
  });
});

describe('clientAddress', () => {
  const none = new TrustedProxies([]);
  const proxy = new TrustedProxies(['10.0.0.2', '10.1.0.0/16']);

  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('203.0.113.5', '1.2.3.4', none)).toBe('203.0.113.5');
  });

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(clientAddress('203.0.113.5', '1.2.3.4', proxy)).toBe('203.0.113.5');
  });

  it('takes the nearest untrusted hop behind trusted proxies, not a forged leftmost one', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.7', proxy)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.1.4.4', proxy)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', ['6.6.6.6', '198.51.100.7'], proxy)).toBe('198.51.100.7');
  });

  it('falls back to the proxy on a garbled header, and to the leftmost when every hop is trusted', () => {
    expect(clientAddress('10.0.0.2', 'garbage', proxy)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '10.1.0.9, 10.0.0.2', proxy)).toBe('10.1.0.9');
  });

  it('normalizes IPv4-mapped IPv6 peers', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(clientAddress('::ffff:192.0.2.1', undefined, none)).toBe('192.0.2.1');
  });

  it('reads a real request: a forged header from an untrusted client is ignored, a trusted proxy is believed', async () => {
    let trusted = none;
    const server = http.createServer((req, res) => {
      res.end(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const ask = async () => (await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '198.51.100.9' } })).text();
    try {
      expect(await ask()).toBe('127.0.0.1');
      trusted = new TrustedProxies(['127.0.0.1']);
      expect(await ask()).toBe('198.51.100.9');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

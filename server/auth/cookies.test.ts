import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, clearedSessionCookie, parseCookies, readSessionToken, sessionCookie } from './cookies.ts';
import { newSessionToken } from './sessionToken.ts';

describe('sessionCookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ with a Max-Age, and Secure only over HTTPS', () => {
    const plain = sessionCookie('tok', { secure: false, maxAgeMs: 3_600_000 });
    expect(plain.split('; ')).toEqual([`${SESSION_COOKIE}=tok`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=3600']);
    expect(sessionCookie('tok', { secure: true }).split('; ')).toContain('Secure');
  });

  it('clears the cookie with an empty value and Max-Age=0', () => {
    const cleared = clearedSessionCookie({ secure: true });
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared).toContain('Max-Age=0');
    expect(cleared).toContain('Secure');
  });
});

describe('parseCookies / readSessionToken', () => {
  it('finds the session among other cookies, first one wins, quotes removed', () => {
    const header = `theme=dark; ${SESSION_COOKIE}="abc"; ${SESSION_COOKIE}=later; broken; =x`;
    expect(parseCookies(header).get('theme')).toBe('dark');
    expect(readSessionToken(header)).toBe('abc');
  });

  it('answers null when absent or empty', () => {
    expect(readSessionToken(undefined)).toBeNull();
    expect(readSessionToken('theme=dark')).toBeNull();
    expect(readSessionToken(`${SESSION_COOKIE}=`)).toBeNull();
  });

  it('round-trips through a real server: Set-Cookie stored by the client is sent back and read', async () => {
    const token = newSessionToken();
    const server = http.createServer((req, res) => {
      if (req.url === '/login') res.setHeader('set-cookie', sessionCookie(token, { secure: false }));
      res.end(readSessionToken(req.headers.cookie) ?? 'none');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const login = await fetch(`${base}/login`);
      expect(await login.text()).toBe('none');
      const setCookie = login.headers.get('set-cookie')!;
      const cookie = setCookie.split(';')[0]!;
      const me = await fetch(`${base}/me`, { headers: { cookie } });
      expect(await me.text()).toBe(token);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

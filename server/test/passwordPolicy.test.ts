import { describe, expect, it } from 'vitest';
import type { PublicUser } from '../../shared/accounts.ts';
import { api, createUser, signIn, tempDataDir } from './helpers.ts';
import { spawnServer } from './spawnServer.ts';
import { useTestServer } from './testServer.ts';

interface Refusal {
  error: { id: string; message: string; details: { problem: string; suggestions: string[] } };
}

describe('the password policy over HTTP', () => {
  const server = useTestServer();

  const create = (username: string, password: string, displayName = 'Nora Neutral') =>
    api<Refusal>(server.url, 'POST', '/api/users', { username, password, displayName, role: 'reporter' }, server.admin);

  it.each([
    ['password1234', 'guessable', /commonly used password/],
    ['123456789012', 'common', /one of the most common passwords/],
    ['aaaaaaaaaaaa', 'guessable', /Repeated characters/],
    ['            ', 'guessable', /Repeated characters/],
    ['short', 'too_short', /^Use at least 12 characters \(this one has 5\)\.$/],
  ])('refuses %j when an account is created (%s), saying why, and creates nothing', async (password, problem, message) => {
    const refused = await create('nora', password);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ id: 'password_too_weak', details: { problem } });
    expect(refused.body.error.message).toMatch(message);
    const list = await api<{ users: PublicUser[] }>(server.url, 'GET', '/api/users', undefined, server.admin);
    expect(list.body.users.map((u) => u.username)).not.toContain('nora');
  });

  it('refuses the username or the display name as the password, or inside it', async () => {
    for (const [password, displayName] of [
      ['oscar.on.nights', 'Oscar Wilde'],
      ['OSCAR.ON.NIGHTS at the desk', 'Oscar Wilde'],
      ['oscarwilde at the copy desk', 'Oscar Wilde'],
    ] as const) {
      const refused = await create('oscar.on.nights', password, displayName);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        id: 'password_too_weak',
        message: 'Do not use the username or the display name in the password.',
        details: { problem: 'contains_name' },
      });
    }
  });

  it('accepts a good passphrase, spaces and emoji included, and signs in with it', async () => {
    const password = 'the 🐙 reads every proof twice';
    const created = await create('olga', password, 'Olga Proof');
    expect(created.status).toBe(201);
    expect((await signIn(server.url, 'olga', password)).cookie).toMatch(/=/);
  });

  it('judges a new password an admin sets, against the account’s names, and keeps the old one when refusing', async () => {
    const pat = await createUser(server.url, server.admin, 'patricia', 'reporter', 'Pat Quill');
    for (const password of ['qwertyuiop12', 'Patricia on the desk 2031', 'dear pat quill of the desk']) {
      const refused = await api<Refusal>(server.url, 'PATCH', '/api/users/patricia', { password }, server.admin);
      expect(refused.status).toBe(400);
      expect(refused.body.error.id).toBe('password_too_weak');
    }
    // A new display name in the same change is the one the password may not contain.
    const renamed = await api<Refusal>(server.url, 'PATCH', '/api/users/patricia', { displayName: 'Tricia Marble', password: 'tricia marble sings at noon' }, server.admin);
    expect(renamed.body.error).toMatchObject({ id: 'password_too_weak', details: { problem: 'contains_name' } });
    expect((await api(server.url, 'GET', '/api/me', undefined, pat.auth)).status).toBe(200);
    expect((await api(server.url, 'POST', '/api/session', { username: 'patricia', password: pat.password })).status).toBe(200);

    expect((await api(server.url, 'PATCH', '/api/users/patricia', { password: 'orchard kettle 9 lanterns' }, server.admin)).status).toBe(200);
    expect((await api(server.url, 'POST', '/api/session', { username: 'patricia', password: 'orchard kettle 9 lanterns' })).status).toBe(200);
  });
});

describe('the first admin password', () => {
  it('stops the first start with a message naming COPYDESK_ADMIN_PASSWORD and why, when the policy refuses it', async () => {
    const dir = tempDataDir();
    try {
      await expect(spawnServer({ dataDir: dir.dataDir, env: { COPYDESK_ADMIN_PASSWORD: 'admin admin admin' } })).rejects.toThrow(
        /Copydesk failed to start: COPYDESK_ADMIN_PASSWORD is not strong enough: Do not use the username or the display name in the password\./,
      );
    } finally {
      dir.remove();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../storage/sqlite/accounts/testDatabase.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { ConfigError } from '../config.ts';
import { bootstrapAdmin } from './bootstrapAdmin.ts';
import { verifyPassword } from './password.ts';
import { CURSOR_COLORS, colorForUsername } from './userColor.ts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
let users: SqliteUserStore;
let close: () => void;

beforeEach(() => {
  const t = openTestDatabase();
  close = t.close;
  users = new SqliteUserStore(t.db);
});
afterEach(() => close());

describe('bootstrapAdmin', () => {
  it('creates admin with the given password and returns no generated one', async () => {
    const result = await bootstrapAdmin(users, { password: 'kettle harbour lantern 71', scryptParams: FAST });
    expect(result).toEqual({ created: true, username: 'admin', generatedPassword: null });
    const admin = (await users.findByUsername('admin'))!;
    expect(admin.role).toBe('admin');
    expect(admin.passwordHash).not.toContain('kettle harbour lantern 71');
    expect(await verifyPassword('kettle harbour lantern 71', admin.passwordHash)).toBe(true);
  });

  it('generates a strong random password when none is given, and stores only its hash', async () => {
    const result = await bootstrapAdmin(users, { scryptParams: FAST });
    if (!result.created || result.generatedPassword === null) throw new Error('expected a generated password');
    expect(result.generatedPassword).toMatch(/^[\w-]{24}$/);
    expect(await verifyPassword(result.generatedPassword, (await users.findByUsername('admin'))!.passwordHash)).toBe(true);
    const other = await bootstrapAdmin(new SqliteUserStore(openAnother()), { scryptParams: FAST });
    expect(other.created && other.generatedPassword).not.toBe(result.generatedPassword);
  });

  it('does nothing once any account exists, even with a new password', async () => {
    await bootstrapAdmin(users, { password: 'first tidal marble orchard', scryptParams: FAST });
    expect(await bootstrapAdmin(users, { password: 'second quiet lemon bicycle', scryptParams: FAST })).toEqual({ created: false });
    expect(await verifyPassword('first tidal marble orchard', (await users.findByUsername('admin'))!.passwordHash)).toBe(true);
    expect(await users.count()).toBe(1);
  });

  it('refuses a COPYDESK_ADMIN_PASSWORD the password policy refuses rather than creating a weak admin, saying why', async () => {
    await expect(bootstrapAdmin(users, { password: 'short', scryptParams: FAST })).rejects.toThrow(
      new ConfigError('COPYDESK_ADMIN_PASSWORD is not strong enough: Use at least 12 characters (this one has 5).'),
    );
    await expect(bootstrapAdmin(users, { password: 'password1234', scryptParams: FAST })).rejects.toThrow(/not strong enough: .*common/);
    await expect(bootstrapAdmin(users, { password: 'The Administrator of 2031', scryptParams: FAST })).rejects.toThrow(
      /not strong enough: Do not use the username or the display name/,
    );
    expect(await users.count()).toBe(0);
  });

  it('creates admin once when two start-ups race', async () => {
    const results = await Promise.all([
      await bootstrapAdmin(users, { scryptParams: FAST }),
      await bootstrapAdmin(users, { scryptParams: FAST }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await users.count()).toBe(1);
  });
});

describe('colorForUsername', () => {
  it('gives one palette colour per name, the same in any case', () => {
    expect(CURSOR_COLORS).toContain(colorForUsername('ana'));
    expect(colorForUsername('Ana')).toBe(colorForUsername('ana'));
    const spread = new Set(Array.from({ length: 40 }, (_, i) => colorForUsername(`user${i}`)));
    expect(spread.size).toBeGreaterThan(4);
  });
});

const extra: (() => void)[] = [];
afterEach(() => extra.splice(0).forEach((c) => c()));
function openAnother() {
  const t = openTestDatabase();
  extra.push(t.close);
  return t.db;
}

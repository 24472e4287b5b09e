import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('SQLITE_LOCKING', () => {
  it('keeps the file to one server by default, and shares it when several servers use it through Redis', () => {
    expect(loadConfig({}).sqliteLocking).toBe('exclusive');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).sqliteLocking).toBe('normal');
    expect(loadConfig({ SQLITE_LOCKING: 'Normal' }).sqliteLocking).toBe('normal');
    // With PostgreSQL the SQLite file is not used: the setting is harmless.
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db/copydesk', SQLITE_LOCKING: 'exclusive' }).sqliteLocking).toBe('exclusive');
  });

  it('refuses exclusive with several servers on one file, and unknown values', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SQLITE_LOCKING: 'exclusive' })).toThrow(ConfigError);
    expect(() => loadConfig({ SQLITE_LOCKING: 'shared' })).toThrow(/exclusive or normal/);
  });
});

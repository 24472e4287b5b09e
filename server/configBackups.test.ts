import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('BACKUP_DIR', () => {
  it('is off by default; hourly, 48 kept, when set', () => {
    expect(loadConfig({}).backupDir).toBeNull();
    const config = loadConfig({ BACKUP_DIR: 'backups' });
    expect(config.backupDir).toBe(path.resolve('backups'));
    expect(config.backupEveryMinutes).toBe(60);
    expect(config.backupKeep).toBe(48);
    expect(loadConfig({ BACKUP_DIR: '/srv/b', BACKUP_EVERY_MINUTES: '15', BACKUP_KEEP: '4' })).toMatchObject({ backupEveryMinutes: 15, backupKeep: 4 });
  });

  it('refuses PostgreSQL (its own tools back it up) and out-of-range numbers', () => {
    expect(() => loadConfig({ BACKUP_DIR: '/srv/b', DATABASE_URL: 'postgres://db/copydesk' })).toThrow(ConfigError);
    expect(() => loadConfig({ BACKUP_DIR: '/srv/b', BACKUP_EVERY_MINUTES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ BACKUP_DIR: '/srv/b', BACKUP_KEEP: 'many' })).toThrow(ConfigError);
  });
});

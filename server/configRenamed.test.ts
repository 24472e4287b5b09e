import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('renamed settings', () => {
  it('refuses to start with the old name of a setting, naming the new one, rather than ignore it', () => {
    expect(() => loadConfig({ SEARCH_INDEX_MAX_WAIT_MS: '60000' })).toThrow(ConfigError);
    expect(() => loadConfig({ SEARCH_INDEX_MAX_WAIT_MS: '60000' })).toThrow(/SUMMARY_MAX_WAIT_MS/);
  });

  it('reads the new name', () => {
    expect(loadConfig({ SUMMARY_MAX_WAIT_MS: '60000' }).summaryMaxWaitMs).toBe(60_000);
  });
});

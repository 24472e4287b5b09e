import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes.ts';

describe('formatBytes', () => {
  it('writes sizes as people read them', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(4_240_000)).toBe('4.2 MB');
    expect(formatBytes(56_700_000)).toBe('57 MB');
    expect(formatBytes(1_300_000_000)).toBe('1.3 GB');
    expect(formatBytes(5e15)).toBe('5000 TB');
  });
});

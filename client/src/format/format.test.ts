import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';
import { relativeTime } from './relativeTime.ts';

describe('initials', () => {
  it('takes the first and last word', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  brewster  hopper ')).toBe('GH');
  });
  it('uses one letter for one word and ? for nothing', () => {
    expect(initials('Zoë')).toBe('Z');
    expect(initials('   ')).toBe('?');
  });
});

describe('relativeTime', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  it('says just now for the last few seconds', () => {
    expect(relativeTime('2025-03-10T11:59:30Z', now)).toBe('just now');
  });
  it('counts minutes, hours and days', () => {
    expect(relativeTime('2025-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2025-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2025-03-09T12:00:00Z', now)).toBe('yesterday');
  });
  it('returns nothing for an invalid date', () => {
    expect(relativeTime('not a date', now)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './localDateTime.ts';

describe('datetime-local values', () => {
  it('round-trips an instant through the local input value', () => {
    const iso = new Date(2031, 5, 7, 9, 45).toISOString();
    expect(toLocalInput(iso)).toBe('2031-06-07T09:45');
    expect(fromLocalInput('2031-06-07T09:45')).toBe(iso);
  });

  it('reads the input as local time, not UTC', () => {
    const local = new Date(2030, 0, 15, 23, 30);
    expect(fromLocalInput('2030-01-15T23:30')).toBe(local.toISOString());
    expect(fromLocalInput('2030-01-15T23:30:20')).toBe(new Date(2030, 0, 15, 23, 30, 20).toISOString());
  });

  it('refuses empty, malformed and impossible values', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(fromLocalInput('2030-02-31T10:00')).toBeNull();
    expect(fromLocalInput('2030-02-01T25:00')).toBeNull();
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('not a date')).toBe('');
  });
});

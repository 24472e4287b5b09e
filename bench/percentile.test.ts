import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatency } from './percentile.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([3, 7, 9], 50)).toBe(7);
    expect(percentile([3, 7, 9, 20], 50)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarizes unsorted samples', () => {
    const samples = [12, 1, 5, 3, 100, 2, 4, 8, 6, 7];
    expect(summarizeLatency(samples)).toEqual({ count: 10, mean: 14.8, p50: 5, p95: 100, p99: 100, max: 100 });
    expect(summarizeLatency([]).count).toBe(0);
  });
});

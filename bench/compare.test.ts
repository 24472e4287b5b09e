import { describe, expect, it } from 'vitest';
import { checkTargets, median, orderForRep, ratio, summarizeReps, type ComparedMetrics } from './compare.ts';

const metrics = (over: Partial<ComparedMetrics> = {}): ComparedMetrics => ({
  p50: 1,
  p95: 2,
  p99: 4,
  cpuMsPerKey: 0.5,
  peakRssMiB: 100,
  diskBytesPerKey: 0,
  heapKiBPerIdleStory: 10,
  ...over,
});

describe('median and ratio', () => {
  it('takes the middle value, or the mean of the middle two, leaving NaN out', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, Number.NaN])).toBe(5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('divides Copydesk by the reference, NaN where that means nothing', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(Number.isNaN(ratio(100, 0))).toBe(true);
    expect(Number.isNaN(ratio(1, -4))).toBe(true);
    expect(Number.isNaN(ratio(Number.NaN, 1))).toBe(true);
  });
});

describe('summarizeReps', () => {
  it('takes the ratio within each rep, then the median of those ratios', () => {
    // Rep 1 on a slow machine, rep 2 on a fast one: the p50 ratio is 2 in both.
    const summary = summarizeReps([
      { copydesk: metrics({ p50: 10, p95: 30 }), reference: metrics({ p50: 5, p95: 10 }) },
      { copydesk: metrics({ p50: 1, p95: 2 }), reference: metrics({ p50: 0.5, p95: 2 }) },
    ]);
    expect(summary.ratio.p50).toBe(2);
    expect(summary.copydesk.p50).toBe(5.5);
    expect(summary.reference.p50).toBe(2.75);
    // (30/10 + 2/2) / 2 = 2, whereas the medians' ratio would be 16 / 6.
    expect(summary.ratio.p95).toBe(2);
    expect(Number.isNaN(summary.ratio.diskBytesPerKey)).toBe(true);
  });
});

describe('checkTargets', () => {
  const summary = summarizeReps([
    { copydesk: metrics({ p50: 0.9, p95: 2.4, diskBytesPerKey: 2500, heapKiBPerIdleStory: 4 }), reference: metrics() },
  ]);

  it('checks p50, p95 and CPU ratios only where the issue asks for them', () => {
    const headline = checkTargets('20x10', false, summary);
    expect(headline.map((t) => [t.target, t.met])).toEqual([
      ['p50 ratio', true],
      ['p95 ratio', false],
      ['CPU/key ratio', true],
      ['p99 ratio', true],
      ['peak RSS ratio', true],
      ['disk bytes per keystroke', false],
      ['heap KiB per idle story', true],
    ]);
    expect(checkTargets('1x20', false, summary).map((t) => t.target)).not.toContain('p50 ratio');
  });

  it('allows p95 1.5× the reference when a core is busy, and a NaN never passes', () => {
    const busy = checkTargets('200x2', true, summary);
    expect(busy[0]).toEqual({ target: 'p95 ratio, one core busy', value: 1.2, limit: 1.5, met: true });
    const nan = summarizeReps([{ copydesk: metrics({ p99: Number.NaN }), reference: metrics() }]);
    expect(checkTargets('1x20', false, nan).find((t) => t.target === 'p99 ratio')!.met).toBe(false);
  });
});

describe('orderForRep', () => {
  it('alternates which server runs first', () => {
    expect(orderForRep(['reference', 'copydesk'], 0)).toEqual(['reference', 'copydesk']);
    expect(orderForRep(['reference', 'copydesk'], 1)).toEqual(['copydesk', 'reference']);
    expect(orderForRep(['reference', 'copydesk'], 2)).toEqual(['reference', 'copydesk']);
    expect(orderForRep(['copydesk'], 1)).toEqual(['copydesk']);
  });
});

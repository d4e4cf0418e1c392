import { describe, expect, it } from 'vitest';
import { percentile, summarise } from '../../bench/load-stats.js';

describe('load test statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples without reordering them', () => {
    const samples = [30, 10, 20, 40];
    expect(summarise(samples)).toEqual({ count: 4, p50: 20, p90: 40, p99: 40, max: 40 });
    expect(samples).toEqual([30, 10, 20, 40]);
  });
});

// Wilson score interval and percentiles against hand-computed values.
import { describe, expect, it } from 'vitest';
import { percentile, wilson } from '../../../src-main/core/eval/stats.js';

describe('wilson', () => {
  it('matches the textbook interval', () => {
    // 8 of 10: 0.4902 .. 0.9433 (Wilson, z = 1.96)
    const [lo, hi] = wilson(8, 10)!;
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
  });
  it('stays inside 0..1 at the edges and is null without data', () => {
    const [lo, hi] = wilson(0, 20)!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.1611, 3);
    expect(wilson(20, 20)![1]).toBe(1);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const v = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 95)).toBe(10);
    expect(percentile([], 50)).toBeNull();
  });
});

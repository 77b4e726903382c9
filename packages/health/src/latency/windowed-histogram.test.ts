import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketValue } from './log-linear.js';
import { WindowedHistogram } from './windowed-histogram.js';

/** Exact nearest-rank quantile of a list, at histogram resolution. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return bucketValue(bucketIndex(sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!));
}

describe('WindowedHistogram', () => {
  it('reports p50/p95/p99 of the samples in the window', () => {
    const h = new WindowedHistogram(60_000, 12);
    h.advance(0);
    for (let ms = 1; ms <= 100; ms++) h.record(ms);
    expect(h.count).toBe(100);
    expect(h.quantile(0.5)).toBe(bucketValue(bucketIndex(50)));
    expect(h.quantile(0.95)).toBe(bucketValue(bucketIndex(95)));
    expect(h.quantile(0.99)).toBe(bucketValue(bucketIndex(99)));
    expect(new WindowedHistogram(1000, 2).quantile(0.5)).toBeUndefined();
  });

  it('drops a slice exactly when the window has passed over it', () => {
    const h = new WindowedHistogram(60_000, 12); // 5 s slices
    h.advance(1_000);
    h.record(10);
    h.advance(5_000);
    h.record(1_000);
    h.advance(59_999);
    expect(h.count).toBe(2);
    h.advance(60_000); // the slice [0, 5000) falls out
    expect(h.count).toBe(1);
    expect(h.quantile(0.5)).toBe(bucketValue(bucketIndex(1_000)));
    h.advance(64_999);
    expect(h.count).toBe(1);
    h.advance(65_000);
    expect(h.count).toBe(0);
    expect(h.quantile(0.99)).toBeUndefined();
  });

  it('clears everything after a gap longer than the window, and ignores time going backwards', () => {
    const h = new WindowedHistogram(1_000, 4);
    h.advance(0);
    h.record(5);
    h.advance(10_000_000);
    expect(h.count).toBe(0);
    h.record(7);
    h.advance(5); // backwards: stays in the newest slice
    h.record(9);
    expect(h.count).toBe(2);
  });

  it('answers "is p95 above the mark?" without a scan, consistently with quantile()', () => {
    const h = new WindowedHistogram(60_000, 12, 100);
    h.advance(0);
    for (let i = 0; i < 95; i++) h.record(50);
    for (let i = 0; i < 5; i++) h.record(500);
    expect(h.aboveMark).toBe(5);
    expect(h.quantileAboveMark(0.95)).toBeUndefined();
    h.record(500);
    expect(h.quantileAboveMark(0.95)).toBe(h.quantile(0.95));
    expect(h.quantileAboveMark(0.95)).toBe(bucketValue(bucketIndex(500)));
    expect(new WindowedHistogram(1000, 2).quantileAboveMark(0.95)).toBeUndefined();
  });

  it('property: quantiles match a sorted list of the live samples; the above-mark answer agrees', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.double({ min: 0, max: 1e5, noNaN: true })),
          {
            maxLength: 200,
          },
        ),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (steps, mark) => {
          const h = new WindowedHistogram(10_000, 5, mark);
          const live: { slice: number; ms: number }[] = [];
          let now = 0;
          for (const [dt, ms] of steps) {
            now += dt;
            h.advance(now);
            h.record(ms);
            live.push({ slice: Math.floor(now / 2_000), ms });
          }
          const head = Math.floor(now / 2_000);
          const values = live.filter((s) => head - s.slice < 5).map((s) => s.ms);
          expect(h.count).toBe(values.length);
          for (const q of [0.5, 0.95, 0.99]) {
            expect(h.quantile(q)).toBe(values.length === 0 ? undefined : exactQuantile(values, q));
          }
          const p95 = h.quantile(0.95);
          const above = p95 !== undefined && bucketIndex(p95) > bucketIndex(mark);
          expect(h.quantileAboveMark(0.95)).toBe(above ? p95 : undefined);
        },
      ),
    );
  });
});

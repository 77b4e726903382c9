import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HISTOGRAM_SIZE,
  LOG_MAX_EXP,
  RELATIVE_ERROR_BOUND,
  SUB_BUCKETS,
  bucketIndex,
  bucketLowerBound,
  bucketValue,
  quantileIndex,
} from './log-linear.js';

describe('log-linear bucket layout', () => {
  it('has a constant size: 16 linear + 28 octaves x 16 + 1 overflow', () => {
    expect(HISTOGRAM_SIZE).toBe(16 + 28 * 16 + 1);
    expect(RELATIVE_ERROR_BOUND).toBe(1 / 32);
  });

  it('maps exact powers of two to the first sub-bucket of their octave', () => {
    for (let exp = -4; exp < LOG_MAX_EXP; exp++) {
      const index = bucketIndex(2 ** exp);
      expect(bucketLowerBound(index)).toBe(2 ** exp);
      expect(bucketIndex(2 ** exp - 2 ** (exp - 30))).toBe(index - 1);
    }
  });

  it('puts 0 in the first bucket and values past 2^24 ms in the overflow bucket', () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(2 ** 24)).toBe(HISTOGRAM_SIZE - 1);
    expect(bucketIndex(1e12)).toBe(HISTOGRAM_SIZE - 1);
    expect(bucketValue(HISTOGRAM_SIZE - 1)).toBe(2 ** 24);
  });

  it('reports a bucket as its midpoint', () => {
    // 840 ms: octave [512, 1024), sub-bucket width 32, bucket [832, 864).
    expect(bucketValue(bucketIndex(840))).toBe(848);
    // 100 ms: octave [64, 128), width 4, bucket [100, 104).
    expect(bucketValue(bucketIndex(100))).toBe(102);
  });

  it('property: indexes are monotonic and every value lies inside its bucket', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** 24, noNaN: true, maxExcluded: true }), (ms) => {
        const i = bucketIndex(ms);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(HISTOGRAM_SIZE - 1);
        expect(bucketLowerBound(i)).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(bucketLowerBound(i + 1));
        expect(bucketIndex(ms * 1.0001 + 1e-9)).toBeGreaterThanOrEqual(i);
      }),
    );
  });

  it('property: below 62.5 us the index is the division by the linear width (2^-8 ms)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** -4, noNaN: true, maxExcluded: true }), (ms) => {
        expect(bucketIndex(ms)).toBe(Math.floor(ms / 2 ** -8));
        expect(bucketLowerBound(bucketIndex(ms))).toBeLessThanOrEqual(ms);
      }),
    );
  });

  it('property: the reported value is within 1/32 relative (>= 62.5 us) or 2 us absolute', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** 24, noNaN: true, maxExcluded: true }), (ms) => {
        const error = Math.abs(bucketValue(bucketIndex(ms)) - ms);
        if (ms >= 2 ** -4) expect(error / ms).toBeLessThanOrEqual(RELATIVE_ERROR_BOUND);
        else expect(error).toBeLessThanOrEqual(2 ** -9);
      }),
    );
  });

  it('quantileIndex finds the nearest-rank bucket, or -1 when empty', () => {
    const counts = new Float64Array(HISTOGRAM_SIZE);
    expect(quantileIndex(counts, 0, 0.5)).toBe(-1);
    counts[10] = 90;
    counts[20] = 9;
    counts[30] = 1;
    expect(quantileIndex(counts, 100, 0.5)).toBe(10);
    expect(quantileIndex(counts, 100, 0.9)).toBe(10);
    expect(quantileIndex(counts, 100, 0.91)).toBe(20);
    expect(quantileIndex(counts, 100, 0.99)).toBe(20);
    expect(quantileIndex(counts, 100, 1)).toBe(30);
    expect(quantileIndex(counts, 100, 0.95, 11, 90)).toBe(20);
    expect(SUB_BUCKETS).toBe(16);
  });
});

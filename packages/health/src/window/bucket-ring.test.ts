import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketRing } from './bucket-ring.js';

describe('BucketRing', () => {
  it('counts per lane over the window', () => {
    const ring = new BucketRing(60_000, 12, 2);
    ring.advance(0);
    ring.add(0);
    ring.add(0);
    ring.add(1, 3);
    expect([ring.total(0), ring.total(1)]).toEqual([2, 3]);
    expect(ring.bucketMs).toBe(5_000);
  });

  it('keeps a sample until (bucket + buckets) * bucketMs, then drops it exactly', () => {
    const ring = new BucketRing(60_000, 12, 1);
    ring.advance(7_300); // bucket [5000, 10000)
    ring.add(0);
    ring.advance(64_999);
    expect(ring.total(0)).toBe(1);
    ring.advance(65_000);
    expect(ring.total(0)).toBe(0);
  });

  it('rotates bucket by bucket: each old bucket falls out on its own boundary', () => {
    const ring = new BucketRing(4_000, 4, 1);
    for (let t = 0; t < 4_000; t += 1_000) {
      ring.advance(t);
      ring.add(0, t / 1_000 + 1); // buckets hold 1, 2, 3, 4
    }
    expect(ring.total(0)).toBe(10);
    ring.advance(4_000);
    expect(ring.total(0)).toBe(9);
    ring.advance(5_500);
    expect(ring.total(0)).toBe(7);
    ring.advance(6_999);
    expect(ring.total(0)).toBe(4);
    ring.advance(7_000);
    expect(ring.total(0)).toBe(0);
  });

  it('clears everything after a long gap, ignores a clock that goes backwards, and resets', () => {
    const ring = new BucketRing(1_000, 10, 1);
    ring.advance(0);
    ring.add(0, 5);
    ring.advance(1e9);
    expect(ring.total(0)).toBe(0);
    ring.add(0);
    ring.advance(5);
    ring.add(0);
    expect(ring.total(0)).toBe(2);
    ring.reset();
    expect(ring.total(0)).toBe(0);
  });

  it('property: totals equal a brute-force count of the samples still inside the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 100, max: 100_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 2 })), {
          maxLength: 300,
        }),
        (buckets, windowMs, steps) => {
          const ring = new BucketRing(windowMs, buckets, 3);
          const bucketMs = windowMs / buckets;
          const samples: { epoch: number; lane: number }[] = [];
          let now = 1_700_000_000_000;
          for (const [dt, lane] of steps) {
            now += dt;
            ring.advance(now);
            ring.add(lane);
            samples.push({ epoch: Math.floor(now / bucketMs), lane });
          }
          const head = Math.floor(now / bucketMs);
          for (let lane = 0; lane < 3; lane++) {
            const expected = samples.filter((s) => s.lane === lane && head - s.epoch < buckets).length;
            expect(ring.total(lane)).toBe(expected);
          }
        },
      ),
    );
  });
});

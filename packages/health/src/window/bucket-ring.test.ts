import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketRing, nextEdge } from './bucket-ring.js';

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

  it('property: the one-comparison shortcut agrees with the division at and around every edge', () => {
    // Times on, just below and just above bucket edges (k * bucketMs and its float
    // neighbours), for widths that are not exact in binary (60000 / 7 ms and the like).
    const nearEdge = fc.tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(-2, -1, 0, 1, 2),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 600 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.array(nearEdge, { maxLength: 60 }),
        (buckets, windowMs, steps) => {
          const ring = new BucketRing(windowMs, buckets, 1);
          const width = ring.bucketMs;
          const base = Math.floor(1_700_000_000_000 / width);
          let head = -Infinity;
          let now = 0;
          for (const [k, ulps, fraction] of steps) {
            // Either an edge nudged by a few ulps or a point inside a bucket; never backwards.
            const edge = (base + k) * width;
            const ulp = 2 ** (Math.floor(Math.log2(edge)) - 52);
            const t = Math.max(now, fraction < 0.5 ? edge + ulps * ulp : edge + fraction * width);
            now = t;
            const epoch = Math.floor(t / width);
            const moved = epoch > head;
            if (moved) head = epoch;
            expect(ring.advance(t)).toBe(moved);
          }
        },
      ),
    );
  });

  it('nextEdge: every time below it is in the bucket, and it is within a microsecond of the edge', () => {
    /** The largest double below `x` (x > 0). */
    const below = (x: number): number => x - 2 ** (Math.floor(Math.log2(x)) - 52);
    for (const width of [5_000, 60_000 / 7, 0.1, 1 / 3]) {
      for (const epoch of [0, 1, 2 ** 20, Math.floor(1_700_000_000_000 / width)]) {
        const edge = nextEdge(epoch, width);
        expect(Math.floor(below(edge) / width)).toBeLessThanOrEqual(epoch);
        expect((epoch + 1) * width - edge).toBeLessThan(1e-3);
      }
    }
  });
});

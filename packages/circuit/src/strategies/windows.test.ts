import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountWindowStrategy } from './count-window.js';
import { TimeBuckets } from './time-buckets.js';

type Step = { readonly gapMs: number; readonly failed: boolean; readonly slow: boolean };

const steps = fc.array(
  fc.record({
    gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 200_000 })),
    failed: fc.boolean(),
    slow: fc.boolean(),
  }),
  { maxLength: 300 },
);

describe('TimeBuckets', () => {
  it('uses one bucket per second, clamped to 10..60 buckets', () => {
    expect(new TimeBuckets(30_000)).toMatchObject({ size: 30, bucketMs: 1_000 });
    expect(new TimeBuckets(2_000)).toMatchObject({ size: 10, bucketMs: 200 });
    expect(new TimeBuckets(3_600_000)).toMatchObject({ size: 60, bucketMs: 60_000 });
  });

  it('matches a naive list of calls filtered by bucket index (any gaps, any window)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120_000 }),
        fc.integer({ min: 0, max: 1e12 }),
        steps,
        (windowMs, start, run) => {
          const ring = new TimeBuckets(windowMs);
          const seen: Array<{ bucket: number } & Step> = [];
          let now = start;
          for (const step of run) {
            now += step.gapMs;
            ring.record(now, step.failed, step.slow);
            seen.push({ ...step, bucket: Math.floor(now / ring.bucketMs) });
            // The window is the current bucket and the size - 1 before it.
            const oldest = Math.floor(now / ring.bucketMs) - ring.size + 1;
            const inWindow = seen.filter((s) => s.bucket >= oldest);
            expect([ring.calls, ring.failures, ring.slow]).toEqual([
              inWindow.length,
              inWindow.filter((s) => s.failed).length,
              inWindow.filter((s) => s.slow).length,
            ]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives a JSON round trip at any later time', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 0, max: 50_000 }), (run, later) => {
        const ring = new TimeBuckets(20_000);
        let now = 1_700_000_000_000;
        for (const step of run) ring.record((now += step.gapMs), step.failed, step.slow);
        const copy = new TimeBuckets(20_000);
        copy.load(JSON.parse(JSON.stringify(ring.toJSON(now))) as ReturnType<TimeBuckets['toJSON']>, now);
        ring.expire(now + later);
        copy.expire(now + later);
        expect([copy.calls, copy.failures, copy.slow]).toEqual([ring.calls, ring.failures, ring.slow]);
      }),
    );
  });

  it('records into the newest bucket when the clock steps back', () => {
    const ring = new TimeBuckets(10_000);
    ring.record(50_000, true, false);
    ring.record(30_000, true, false); // older than the whole window
    expect(ring.calls).toBe(2);
    ring.expire(59_999);
    expect(ring.calls).toBe(2);
    ring.expire(60_000);
    expect(ring.calls).toBe(0);
  });
});

describe('CountWindowStrategy', () => {
  it('opens exactly when the last windowSize outcomes reach the threshold (naive model)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.boolean(), { maxLength: 200 }),
        (size, threshold, minimum, outcomes) => {
          const minimumThroughput = Math.min(minimum, size);
          const strategy = new CountWindowStrategy(size, threshold, minimumThroughput);
          const history: boolean[] = [];
          for (const failed of outcomes) {
            const verdict = failed ? strategy.failure() : strategy.success();
            history.push(failed);
            const window = history.slice(-size);
            const failures = window.filter(Boolean).length;
            const expected = window.length >= minimumThroughput && failures / window.length >= threshold;
            expect(verdict === 'failure_rate').toBe(expected);
          }
        },
      ),
    );
  });

  it('snapshots oldest first and restores the same window', () => {
    const strategy = new CountWindowStrategy(3, 0.5, 1);
    strategy.success();
    strategy.failure();
    strategy.success();
    strategy.failure(); // evicts the first success
    expect(strategy.snapshot()).toEqual({ kind: 'count', windowSize: 3, outcomes: [1, 0, 1] });
    const copy = new CountWindowStrategy(3, 0.5, 1);
    expect(copy.restore(strategy.snapshot())).toBeUndefined();
    expect(copy.snapshot()).toEqual(strategy.snapshot());
    expect(new CountWindowStrategy(4, 0.5, 1).restore(strategy.snapshot())).toMatch(/windowSize is 4/);
  });
});

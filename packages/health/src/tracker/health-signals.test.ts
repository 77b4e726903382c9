import { OUTCOME_KINDS, parseHealthConfig, type OutcomeKind } from '@rel/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HealthSignals } from './health-signals.js';
import { KIND_CODE, OUTCOME_CATEGORIES } from './outcome-category.js';

// Runs of successes in the same buckets are counted in one field and added to the rings
// before any read. These tests check every count read against a brute-force model of the
// samples still inside each window.

type Step =
  | { readonly op: 'record'; readonly kind: OutcomeKind; readonly times: number }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'read' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      kind: fc.constant('success' as const),
      times: fc.integer({ min: 1, max: 20 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      kind: fc.constantFrom(...OUTCOME_KINDS),
      times: fc.constant(1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      ms: fc.oneof(fc.integer({ min: 0, max: 2_500 }), fc.constantFrom(250, 500, 1_000)),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'read' as const }) },
);

const laneOf = (kind: OutcomeKind): string => OUTCOME_CATEGORIES[kind];

describe('HealthSignals counts', () => {
  it('equal a brute-force count of the samples in each window at every read (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1_000, 2_000),
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom(1_000, 3_000),
        fc.array(stepArb, { maxLength: 80 }),
        (windowMs, buckets, recentErrorWindowMs, steps) => {
          const config = parseHealthConfig({ windowMs, buckets, recentErrorWindowMs });
          const signals = new HealthSignals(config);
          const samples: { kind: OutcomeKind; at: number }[] = [];
          let now = 1_700_000_000_000;
          const count = (width: number, kinds: (k: OutcomeKind) => boolean): number => {
            const head = Math.floor(now / width);
            return samples.filter((s) => kinds(s.kind) && head - Math.floor(s.at / width) < buckets).length;
          };
          const check = (): void => {
            signals.advance(now);
            const w = signals.windowCounts();
            const r = signals.recentCounts();
            const bucketMs = windowMs / buckets;
            const recentMs = recentErrorWindowMs / buckets;
            expect([w.successes, w.failures, w.rejected, w.cancelled]).toEqual([
              count(bucketMs, (k) => laneOf(k) === 'success'),
              count(bucketMs, (k) => laneOf(k) === 'failure'),
              count(bucketMs, (k) => laneOf(k) === 'rejected'),
              count(bucketMs, (k) => laneOf(k) === 'cancelled'),
            ]);
            expect([r.successes, r.failures]).toEqual([
              count(recentMs, (k) => laneOf(k) === 'success'),
              count(recentMs, (k) => laneOf(k) === 'failure'),
            ]);
            const totals = signals.totalsByKind();
            for (const kind of OUTCOME_KINDS)
              expect(totals[kind]).toBe(samples.filter((s) => s.kind === kind).length);
          };
          for (const step of steps) {
            if (step.op === 'advance') now += step.ms;
            else if (step.op === 'read') check();
            else {
              for (let i = 0; i < step.times; i++) {
                signals.record(KIND_CODE[step.kind]!, step.kind, 5, new Error('x'), 1, now);
                samples.push({ kind: step.kind, at: now });
              }
            }
          }
          check();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a run of successes is in each count read at once, and reset forgets it', () => {
    const now = 1_700_000_000_000;
    const withRun = (): HealthSignals => {
      const signals = new HealthSignals(parseHealthConfig({}));
      for (let i = 0; i < 5; i++) signals.record(KIND_CODE.success!, 'success', 1, undefined, 0, now);
      return signals;
    };
    // Each reader first, on its own: none may rely on another to add the run.
    expect(withRun().windowCounts()).toMatchObject({ successes: 5, failures: 0 });
    expect(withRun().recentCounts()).toMatchObject({ successes: 5 });
    expect(withRun().totalsByKind().success).toBe(5);
    const input = { successes: 0, recentSuccesses: 0 } as Parameters<HealthSignals['fill']>[0];
    withRun().fill(input, now);
    expect([input.successes, input.recentSuccesses]).toEqual([5, 5]);
    const signals = withRun();
    signals.reset();
    expect(signals.windowCounts()).toMatchObject({ successes: 0 });
    expect(signals.totalsByKind().success).toBe(0);
  });
});

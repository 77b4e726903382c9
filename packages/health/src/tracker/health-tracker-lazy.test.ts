import { OUTCOME_KINDS, type HealthConfigInput, type OutcomeKind } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAKER_STATES, type BreakerState } from '../score/breaker-state.js';
import { ReliabilityHealthTracker } from './health-tracker.js';
import type { HealthStatusChange } from './types.js';

// `record()` skips the score when a success cannot change the status (healthy, no window
// moved, no penalty that can grow). These tests hold it to the eager computation.
//
// The eager reference is a tracker whose breaker state comes from a source object: a
// source may change between records without telling the tracker, so such a tracker must
// evaluate on every record, exactly as every tracker did before the skip existed.

type Op =
  | { readonly op: 'record'; readonly kind: OutcomeKind; readonly ms: number; readonly times: number }
  /** Moves the clock by `buckets` widths of the main window's buckets. */
  | { readonly op: 'advance'; readonly buckets: number }
  | { readonly op: 'breaker'; readonly state: BreakerState }
  | { readonly op: 'budget'; readonly level: number | undefined }
  | { readonly op: 'read' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  // Runs of successes: the case the skip is about (a healthy window needs many of them).
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      kind: fc.constant('success' as const),
      ms: fc.integer({ min: 0, max: 400 }),
      times: fc.integer({ min: 1, max: 25 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      kind: fc.constantFrom('transient' as const, 'timeout' as const),
      ms: fc.integer({ min: 0, max: 400 }),
      times: fc.constant(1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      kind: fc.constantFrom(...OUTCOME_KINDS),
      ms: fc.integer({ min: 0, max: 400 }),
      times: fc.constant(1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      // Whole buckets as often as fractions: rotations are where a skip could go wrong.
      buckets: fc.oneof(
        { weight: 3, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.double({ min: 0, max: 3, noNaN: true }) },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('breaker' as const), state: fc.constantFrom(...BREAKER_STATES) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('budget' as const),
      level: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'read' as const }) },
);

const configArb: fc.Arbitrary<HealthConfigInput> = fc.record({
  windowMs: fc.constantFrom(1_000, 2_000, 4_000),
  buckets: fc.integer({ min: 2, max: 4 }),
  recentErrorWindowMs: fc.constantFrom(1_000, 2_000, 8_000),
  latencySloMs: fc.option(fc.integer({ min: 20, max: 300 }), { nil: undefined }),
  minSamples: fc.integer({ min: 1, max: 6 }),
  hysteresis: fc.constantFrom(0, 0.02, 0.05),
});

function pair(config: HealthConfigInput) {
  const clock = new FakeClock();
  const lazy = new ReliabilityHealthTracker('svc', config, { clock });
  const source: { state: BreakerState } = { state: 'closed' };
  const eager = new ReliabilityHealthTracker('svc', config, { clock, breaker: source });
  lazy.setBreakerState('closed');
  const events = { lazy: [] as HealthStatusChange[], eager: [] as HealthStatusChange[] };
  lazy.onStatusChange((c) => events.lazy.push(c));
  eager.onStatusChange((c) => events.eager.push(c));
  return { clock, lazy, eager, source, events };
}

describe('lazy status evaluation agrees with the eager one', () => {
  it('same status, score and snapshot at every read, same events in the same order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, fc.array(opArb, { minLength: 1, maxLength: 80 }), async (config, ops) => {
        const { clock, lazy, eager, source, events } = pair(config);
        for (const step of ops) {
          switch (step.op) {
            case 'record': {
              const sample = { kind: step.kind, durationMs: step.ms };
              for (let i = 0; i < step.times; i++) {
                lazy.record(sample);
                eager.record(sample);
                expect(events.lazy).toEqual(events.eager);
              }
              break;
            }
            case 'advance':
              await clock.advance(Math.round((step.buckets * config.windowMs!) / config.buckets!));
              break;
            case 'breaker':
              lazy.setBreakerState(step.state);
              source.state = step.state;
              void eager.status; // what the setter does: evaluate now
              break;
            case 'budget':
              lazy.setBudgetLevel(step.level);
              eager.setBudgetLevel(step.level);
              break;
            case 'read':
              expect(lazy.status).toBe(eager.status);
              expect(lazy.score).toBe(eager.score);
              expect(lazy.snapshot()).toEqual(eager.snapshot());
              break;
          }
          expect(events.lazy).toEqual(events.eager);
        }
        expect(lazy.snapshot()).toEqual(eager.snapshot());
        expect(events.lazy).toEqual(events.eager);
      }),
      {
        numRuns: 400,
        // Rare by chance, so always tried: a window rotation that expires the successes
        // just before a success, and a slow success pushing p95 over the SLO.
        examples: [
          [
            { windowMs: 1_000, buckets: 2, recentErrorWindowMs: 1_000, minSamples: 1, hysteresis: 0 },
            [
              { op: 'record', kind: 'success', ms: 0, times: 11 },
              { op: 'advance', buckets: 1 },
              { op: 'record', kind: 'transient', ms: 0, times: 1 },
              { op: 'advance', buckets: 1 },
              { op: 'record', kind: 'success', ms: 0, times: 1 },
            ],
          ],
          [
            { windowMs: 1_000, buckets: 2, recentErrorWindowMs: 1_000, latencySloMs: 50, minSamples: 1 },
            [
              { op: 'record', kind: 'success', ms: 10, times: 3 },
              { op: 'record', kind: 'success', ms: 400, times: 1 },
            ],
          ],
        ],
      },
    );
  });
});

describe('successes that must still be evaluated', () => {
  it('a slow success degrades a healthy service at once when it pushes p95 over the SLO', () => {
    const clock = new FakeClock();
    const tracker = new ReliabilityHealthTracker('svc', { latencySloMs: 100, minSamples: 1 }, { clock });
    const changes: HealthStatusChange[] = [];
    tracker.onStatusChange((c) => changes.push(c));
    tracker.record({ kind: 'success', durationMs: 10 });
    tracker.record({ kind: 'success', durationMs: 1_000 }); // p95 10x the SLO: -0.2
    expect(changes.map((c) => [c.from, c.to])).toEqual([['healthy', 'degraded']]);
  });

  it('a success after the window rotated is evaluated (old successes expired)', async () => {
    const clock = new FakeClock(); // starts on a bucket boundary
    const tracker = new ReliabilityHealthTracker(
      'svc',
      { windowMs: 1_000, buckets: 2, recentErrorWindowMs: 1_000, minSamples: 1, hysteresis: 0 },
      { clock },
    );
    const changes: HealthStatusChange[] = [];
    tracker.onStatusChange((c) => changes.push(c));
    for (let i = 0; i < 19; i++) tracker.record({ kind: 'success', durationMs: 1 });
    await clock.advance(500);
    tracker.record({ kind: 'transient', durationMs: 1 }); // 1 in 20 failed: 0.94, healthy
    await clock.advance(500); // the 19 successes leave the window
    tracker.record({ kind: 'success', durationMs: 1 }); // 1 of 2 failed: 0.4
    expect(changes.map((c) => [c.from, c.to, c.time])).toEqual([['healthy', 'critical', clock.now()]]);
  });

  it('a success while not healthy is evaluated and can recover the status', () => {
    const clock = new FakeClock();
    const tracker = new ReliabilityHealthTracker('svc', { minSamples: 1, hysteresis: 0 }, { clock });
    tracker.record({ kind: 'transient', durationMs: 1 });
    expect(tracker.status).toBe('critical');
    for (let i = 0; i < 19; i++) tracker.record({ kind: 'success', durationMs: 1 });
    expect(tracker.status).toBe('healthy');
  });

  it('with a breaker source, a success reads it: an open breaker degrades at that record', () => {
    const clock = new FakeClock();
    const source: { state: BreakerState } = { state: 'closed' };
    const tracker = new ReliabilityHealthTracker('svc', {}, { clock, breaker: source });
    const changes: HealthStatusChange[] = [];
    tracker.onStatusChange((c) => changes.push(c));
    tracker.record({ kind: 'success', durationMs: 1 });
    source.state = 'open'; // nobody tells the tracker
    tracker.record({ kind: 'success', durationMs: 1 });
    expect(changes.map((c) => [c.from, c.to])).toEqual([['healthy', 'unhealthy']]);
  });
});

import { OUTCOME_KINDS, RelConfigError, type OutcomeKind } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReliabilityHealthTracker } from './health-tracker.js';
import { OUTCOME_CATEGORIES } from './outcome-category.js';
import type { HealthSample } from './types.js';

const make = (config = {}, options = {}) => {
  const clock = new FakeClock();
  return { clock, tracker: new ReliabilityHealthTracker('llm', config, { clock, ...options }) };
};

describe('what counts', () => {
  it('cancelled is neither success nor failure; rejections are not failures', () => {
    const { tracker } = make();
    for (let i = 0; i < 20; i++) tracker.record({ kind: 'success', durationMs: 5 });
    for (const kind of ['cancelled', 'circuit_open', 'budget_exhausted', 'bulkhead_rejected'] as const) {
      for (let i = 0; i < 5; i++) tracker.record({ kind, durationMs: 0 });
    }
    const s = tracker.snapshot();
    expect(s.window).toEqual({
      windowMs: 60_000,
      successes: 20,
      failures: 0,
      rejected: 15,
      cancelled: 5,
      successRate: 1,
    });
    expect([s.score, s.consecutiveSuccesses, s.latency.count]).toEqual([1, 20, 20]);
    expect(tracker.errors()).toEqual([]);
    expect(s.totals).toMatchObject({
      cancelled: 5,
      circuit_open: 5,
      budget_exhausted: 5,
      bulkhead_rejected: 5,
    });
  });

  it('every failure kind is a failure with a latency sample and an error entry', () => {
    const failures = OUTCOME_KINDS.filter((k) => OUTCOME_CATEGORIES[k] === 'failure');
    expect(failures).toEqual([
      'transient',
      'timeout',
      'rate_limited',
      'overloaded',
      'permanent',
      'deadline_exceeded',
    ]);
    const { tracker } = make();
    for (const kind of failures) tracker.record({ kind, durationMs: 1, attempt: 1, error: new Error(kind) });
    expect(tracker.snapshot()).toMatchObject({
      window: { failures: 6 },
      consecutiveFailures: 6,
      latency: { count: 6 },
    });
    expect(tracker.errors().map((e) => e.kind)).toEqual(failures);
  });
});

describe('error history through the tracker', () => {
  it('keeps the last 100 failures with time, kind, message and attempt, oldest first', async () => {
    const { clock, tracker } = make();
    for (let i = 1; i <= 130; i++) {
      tracker.record({
        kind: i % 2 ? 'timeout' : 'rate_limited',
        durationMs: 3,
        attempt: (i % 4) + 1,
        error: new Error(`e${i}`),
      });
      await clock.advance(10);
    }
    const errors = tracker.errors();
    expect(errors).toHaveLength(100);
    expect(errors[0]).toEqual({
      time: 1_700_000_000_300,
      kind: 'timeout',
      message: 'e31',
      name: 'Error',
      attempt: 4,
    });
    expect(errors[99]).toMatchObject({ message: 'e130', kind: 'rate_limited', attempt: 3 });
    expect(errors.every((e, i) => i === 0 || e.time > errors[i - 1]!.time)).toBe(true);
    expect(tracker.snapshot().lastError?.message).toBe('e130');
  });

  it('honours errorHistorySize', () => {
    const { tracker } = make({ errorHistorySize: 3 });
    for (let i = 0; i < 10; i++) tracker.record({ kind: 'transient', durationMs: 1, error: `m${i}` });
    expect(tracker.errors().map((e) => e.message)).toEqual(['m7', 'm8', 'm9']);
  });
});

describe('bad input', () => {
  it('rejects a bad sample with a typed error naming each field; nothing is recorded', () => {
    const { tracker } = make();
    const bad = [
      [
        { kind: 'exploded', durationMs: 1 },
        /kind: received "exploded"; expected one of "success" \| "transient"/,
      ],
      [{ kind: 'success', durationMs: -1 }, /durationMs: received -1; expected a finite number/],
      [{ kind: 'success', durationMs: Number.NaN }, /durationMs/],
      [{ kind: 'success', durationMs: Infinity }, /durationMs/],
      [{ kind: 'success', durationMs: 1, attempt: 0 }, /attempt: received 0; expected an integer >= 1/],
      [{ kind: 'success', durationMs: 1, attempt: 1.5 }, /attempt/],
    ] as const;
    for (const [sample, message] of bad) {
      expect(() => tracker.record(sample as unknown as HealthSample)).toThrow(message);
      expect(() => tracker.record(sample as unknown as HealthSample)).toThrow(
        expect.objectContaining({ code: 'REL_INVALID_EVENT', name: 'RelValidationError' }),
      );
    }
    expect(tracker.snapshot().totals.success).toBe(0);
  });

  it('rejects bad configuration, service and operation names with RelConfigError', () => {
    expect(() => new ReliabilityHealthTracker('x', { windowMs: -5 })).toThrow(RelConfigError);
    expect(() => new ReliabilityHealthTracker('x', { windowMs: -5 })).toThrow(/windowMs/);
    expect(() => new ReliabilityHealthTracker('x', { windowMS: 5 } as never)).toThrow(
      /did you mean "windowMs"/,
    );
    expect(() => new ReliabilityHealthTracker('')).toThrow(
      /service: received ""; expected a non-empty string/,
    );
    expect(() => new ReliabilityHealthTracker('x', {}, { operation: '' })).toThrow(/operation/);
  });

  it('rejects an out-of-range budget level and an unknown breaker state', () => {
    const { tracker } = make();
    expect(() => tracker.setBudgetLevel(1.5)).toThrow(
      /budgetLevel: received 1.5; expected a number in \[0, 1\]/,
    );
    expect(() => tracker.setBreakerState('OPEN' as never)).toThrow(/expected one of "closed" \| "open"/);
  });
});

describe('breaker and budget sources', () => {
  it('reads the breaker state from a source on every evaluation', () => {
    const breaker = { state: 'closed' };
    const { tracker } = make({}, { breaker });
    expect(tracker.status).toBe('healthy');
    breaker.state = 'open';
    expect([tracker.status, tracker.breakerState]).toEqual(['unhealthy', 'open']);
    expect(() => tracker.setBreakerState('closed')).toThrow(/options.breaker/);
    breaker.state = 'stuck';
    expect(() => tracker.snapshot()).toThrow(/breaker.state: received "stuck"/);
  });

  it('reads the budget level from a source, or from the setter', () => {
    let level: number | undefined = 1;
    const sourced = make({}, { budgetLevel: () => level }).tracker;
    expect(sourced.score).toBe(1);
    level = 0;
    expect(sourced.score).toBeCloseTo(0.9, 12);
    expect(sourced.snapshot().budgetLevel).toBe(0);
    expect(() => sourced.setBudgetLevel(1)).toThrow(/options.budgetLevel/);
    level = 2;
    expect(() => sourced.score).toThrow(/budgetLevel\(\): received 2/);
    const set = make().tracker;
    set.setBudgetLevel(0.5);
    expect(set.score).toBeCloseTo(0.95, 12);
    set.setBudgetLevel(undefined);
    expect(set.snapshot().budgetLevel).toBeUndefined();
  });

  it('reset() forgets samples but keeps the breaker state', () => {
    const { tracker } = make();
    tracker.setBreakerState('half_open');
    for (let i = 0; i < 10; i++) tracker.record({ kind: 'timeout', durationMs: 1 });
    tracker.reset();
    const s = tracker.snapshot();
    expect(s).toMatchObject({ window: { failures: 0 }, consecutiveFailures: 0, breakerState: 'half_open' });
    expect(s.lastFailureAt).toBeUndefined();
    expect(tracker.errors()).toEqual([]);
    expect(s.score).toBeCloseTo(0.8, 12);
  });
});

describe('properties', () => {
  it('counts stay consistent with what was recorded; rates and the score stay in [0, 1]', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...OUTCOME_KINDS), fc.integer({ min: 0, max: 20_000 })), {
          maxLength: 150,
        }),
        async (steps) => {
          const { clock, tracker } = make({ windowMs: 30_000, buckets: 6, recentErrorWindowMs: 90_000 });
          const log: { kind: OutcomeKind; epoch: number }[] = [];
          for (const [kind, dt] of steps) {
            await clock.advance(dt);
            tracker.record({ kind, durationMs: dt / 10 });
            log.push({ kind, epoch: Math.floor(clock.now() / 5_000) });
          }
          const s = tracker.snapshot();
          const head = Math.floor(clock.now() / 5_000);
          const inWindow = log.filter((l) => head - l.epoch < 6);
          const count = (cat: string): number =>
            inWindow.filter((l) => OUTCOME_CATEGORIES[l.kind] === cat).length;
          expect(s.window).toMatchObject({ successes: count('success'), failures: count('failure') });
          expect(s.window.rejected).toBe(count('rejected'));
          expect(s.window.cancelled).toBe(count('cancelled'));
          expect(s.latency.count).toBe(count('success') + count('failure'));
          expect(Object.values(s.totals).reduce((a, b) => a + b, 0)).toBe(steps.length);
          for (const r of [s.score, s.window.successRate, s.recent.successRate]) {
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1);
          }
          expect(s.recent.successes).toBeGreaterThanOrEqual(s.window.successes);
        },
      ),
      { numRuns: 60 },
    );
  });
});

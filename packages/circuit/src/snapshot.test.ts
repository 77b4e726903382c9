import {
  isRelError,
  RelValidationError,
  type CircuitBreakerConfigInput,
  type OutcomeKind,
} from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import { parseCircuitSnapshot } from './snapshot.js';

const strategies: CircuitBreakerConfigInput[] = [
  { strategy: 'consecutive', failureThreshold: 4 },
  { strategy: 'count', windowSize: 6, minimumThroughput: 3 },
  { strategy: 'time', windowMs: 5_000, minimumThroughput: 3 },
  { strategy: 'slow_call', windowMs: 5_000, minimumThroughput: 3, slowCallMs: 50 },
];

const steps = fc.array(
  fc.record({
    kind: fc.constantFrom<OutcomeKind>('success', 'transient', 'cancelled'),
    ms: fc.constantFrom(1, 100),
    gap: fc.integer({ min: 0, max: 2_000 }),
  }),
  { maxLength: 40 },
);

type Step = { readonly kind: OutcomeKind; readonly ms: number; readonly gap: number };

function drive(breaker: UnifiedCircuitBreaker, clock: FakeClock, run: readonly Step[]): void {
  for (const { kind, ms, gap } of run) {
    clock.timers.tick(gap);
    const token = breaker.tryAcquire();
    if (token >= 0) breaker.release(token, kind, ms);
  }
}

describe('snapshot and restore', () => {
  it('a JSON round trip gives a breaker that behaves the same from then on (every strategy)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...strategies), steps, steps, (config, before, after) => {
        const full = { openMs: 1_000, openJitter: 0, ...config };
        const clockA = new FakeClock();
        const a = new UnifiedCircuitBreaker('db', full, { clock: clockA });
        drive(a, clockA, before);
        const text = JSON.stringify(a.toSnapshot());
        const clockB = new FakeClock(clockA.now());
        const b = new UnifiedCircuitBreaker('db', full, { clock: clockB });
        b.restore(JSON.parse(text));
        expect(b.toSnapshot()).toEqual(a.toSnapshot());
        drive(a, clockA, after);
        drive(b, clockB, after);
        expect(b.status()).toEqual(a.status());
      }),
      { numRuns: 150 },
    );
  });

  it('keeps an open breaker open after a restart, until the stored open time', async () => {
    const clock = new FakeClock();
    const a = new UnifiedCircuitBreaker(
      'db',
      { failureThreshold: 1, openMs: 10_000, openJitter: 0 },
      { clock },
    );
    a.release(a.tryAcquire(), 'transient', 1);
    await clock.advance(4_000);
    const b = new UnifiedCircuitBreaker(
      'db',
      { failureThreshold: 1, openMs: 10_000, openJitter: 0 },
      { clock },
    );
    const events: string[] = [];
    b.onStateChange((e) => events.push(`${e.from}>${e.to}:${e.reason}:${e.retryAfterMs}`));
    b.restore(a.toSnapshot());
    expect(events).toEqual(['closed>open:restored:6000']);
    expect(b.tryAcquire()).toBe(-1);
    await clock.advance(6_000);
    expect(b.state).toBe('half_open');
  });

  it('restores half-open with every probe slot free, and never as isolated', () => {
    const clock = new FakeClock();
    const a = new UnifiedCircuitBreaker('db', { failureThreshold: 1, openMs: 10, openJitter: 0 }, { clock });
    a.release(a.tryAcquire(), 'transient', 1);
    clock.timers.tick(10);
    a.tryAcquire(); // a probe in flight
    a.isolate();
    const snapshot = a.toSnapshot();
    expect(snapshot).toMatchObject({ state: 'half_open' });
    const b = new UnifiedCircuitBreaker('db', { failureThreshold: 1, openMs: 10 }, { clock });
    b.restore(snapshot);
    expect(b.status()).toMatchObject({ state: 'half_open', probesInFlight: 0, isolations: 0 });
    expect(b.tryAcquire()).toBeGreaterThanOrEqual(0);
  });

  it('refuses bad snapshots with REL_SNAPSHOT_INVALID, naming each field, and changes nothing', () => {
    const clock = new FakeClock();
    const breaker = new UnifiedCircuitBreaker(
      'db',
      { strategy: 'count', windowSize: 5, minimumThroughput: 2 },
      { clock },
    );
    const good = breaker.toSnapshot();
    const attempts: Array<[unknown, RegExp]> = [
      [{ ...good, state: 'stuck' }, /state: received "stuck"/],
      [{ ...good, extra: 1 }, /extra: unknown key/],
      [{ ...good, counters: { ...good.counters, totalCalls: 7 } }, /counters\.totalCalls/],
      [{ ...good, state: 'open' }, /openUntil: received nothing; expected a finite clock time/],
      [{ ...good, name: 'cache' }, /name: received "cache"; expected "db"/],
      [{ ...good, strategy: { kind: 'count', windowSize: 9, outcomes: [] } }, /windowSize is 5/],
      [{ ...good, strategy: { kind: 'consecutive', failures: 1 } }, /strategy is "count"/],
      [
        { ...good, strategy: { kind: 'time', bucketMs: 100, buckets: [[1, 1, 2, 0]] } },
        /cannot exceed calls/,
      ],
      ['{}', /\(root\)/],
    ];
    for (const [input, message] of attempts) {
      let caught: unknown;
      try {
        breaker.restore(input);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(input)).toBeInstanceOf(RelValidationError);
      expect(isRelError(caught, 'REL_SNAPSHOT_INVALID')).toBe(true);
      expect((caught as Error).message).toMatch(message);
    }
    expect(breaker.toSnapshot()).toEqual(good);
  });

  it('parseCircuitSnapshot validates untrusted input on its own', () => {
    const snapshot = new UnifiedCircuitBreaker('x').toSnapshot();
    expect(parseCircuitSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(() => parseCircuitSnapshot({ version: 2 })).toThrow(/version/);
  });
});

// Shared fixture of the breaker tests: a breaker on a fake clock, its events, and helpers
// that make one call or trip it.
import type { CircuitBreakerConfigInput, Clock, OutcomeKind } from '@rel/config';
import { FakeClock, sequenceRandom } from '@rel/test-utils';
import { UnifiedCircuitBreaker } from '../src/breaker.js';
import type { CircuitStateChange } from '../src/events.js';

/** Consecutive, 3 failures, open 1 s doubling up to 8 s, no jitter. */
export const base: CircuitBreakerConfigInput = {
  strategy: 'consecutive',
  failureThreshold: 3,
  openMs: 1_000,
  openJitter: 0,
  openBackoffMultiplier: 2,
  maxOpenMs: 8_000,
};

export function setup(config: CircuitBreakerConfigInput = {}, probeLeaseMs?: number) {
  const clock = new FakeClock();
  const breaker = new UnifiedCircuitBreaker(
    'dep',
    { ...base, ...config },
    { clock, random: sequenceRandom([0.5]), ...(probeLeaseMs === undefined ? {} : { probeLeaseMs }) },
  );
  const events: CircuitStateChange[] = [];
  breaker.onStateChange((e) => events.push(e));
  /** One admitted call that reports `kind` at once; false when refused. */
  const call = (kind: OutcomeKind = 'success', durationMs = 1): boolean => {
    const token = breaker.tryAcquire();
    if (token < 0) return false;
    breaker.release(token, kind, durationMs);
    return true;
  };
  const trip = (): void => {
    for (let i = 0; i < 3; i++) call('transient');
  };
  return { clock, breaker, events, call, trip };
}

/** A fake clock that counts its `now()` reads (to show what a path costs). */
export function countingClock(): {
  clock: FakeClock;
  counting: Clock;
  reads: () => number;
  zero: () => void;
} {
  const clock = new FakeClock();
  let reads = 0;
  const counting: Clock = {
    now: () => (reads++, clock.now()),
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
  return { clock, counting, reads: () => reads, zero: () => void (reads = 0) };
}

import { CircuitOpenError, isRelError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import { base, countingClock, setup } from '../test/setup.js';

describe('execute and tryExecute', () => {
  it('execute returns the value, rethrows failures and throws CircuitOpenError when open', async () => {
    const { breaker, clock } = setup();
    await expect(breaker.execute(() => 42)).resolves.toBe(42);
    const boom = new Error('boom');
    for (let i = 0; i < 3; i++) await expect(breaker.execute(() => Promise.reject(boom))).rejects.toBe(boom);
    const error = await breaker.execute(() => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(isRelError(error, 'REL_CIRCUIT_OPEN')).toBe(true);
    expect(error).toMatchObject({ circuit: 'dep', state: 'open', retryAfterMs: 1_000 });
    await clock.advance(250);
    await expect(breaker.execute(() => 1)).rejects.toMatchObject({ retryAfterMs: 750 });
  });

  it('execute times calls on the injected clock when asked (measureDurations), and not otherwise', async () => {
    for (const measureDurations of [true, false]) {
      const { clock, counting, reads } = countingClock();
      const breaker = new UnifiedCircuitBreaker(
        't',
        { ...base, slowCallMs: 100 },
        { clock: counting, measureDurations },
      );
      const pending = breaker.execute(async () => {
        await new Promise<void>((resolve) => clock.setTimeout(resolve, 150));
        return 'late';
      });
      await clock.advance(150);
      await expect(pending).resolves.toBe('late');
      expect(breaker.status()).toMatchObject({ slowCalls: measureDurations ? 1 : 0, successfulCalls: 1 });
      expect(reads()).toBe(measureDurations ? 2 : 0);
    }
  });

  it('the slow_call strategy always times execute(), and refuses measureDurations: false', () => {
    expect(
      () => new UnifiedCircuitBreaker('s', { strategy: 'slow_call' }, { measureDurations: false }),
    ).toThrow(/measureDurations: received false; expected true or nothing with the "slow_call" strategy/);
  });

  it('tryExecute never rejects and refuses with a plain object, not an Error', async () => {
    const { breaker, trip } = setup();
    await expect(breaker.tryExecute(() => 'v')).resolves.toEqual({ ok: true, value: 'v' });
    const failure = await breaker.tryExecute(() => {
      throw new Error('x');
    });
    expect(failure).toMatchObject({ ok: false, rejected: false, kind: 'transient' });
    trip();
    const refused = await breaker.tryExecute(() => 'never');
    expect(refused).toEqual({ ok: false, rejected: true, state: 'open', retryAfterMs: 1_000 });
    expect(refused).not.toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(refused)).toBe(Object.prototype);
  });

  it('uses the classifier: a cancellation does not count', async () => {
    const clock = new FakeClock();
    const breaker = new UnifiedCircuitBreaker('c', { ...base, failureThreshold: 1 }, { clock });
    const abort = new DOMException('stop', 'AbortError');
    await expect(breaker.execute(() => Promise.reject(abort))).rejects.toBe(abort);
    expect(breaker.state).toBe('closed');
    const custom = new UnifiedCircuitBreaker(
      'd',
      { ...base, failureThreshold: 1 },
      { clock, classify: () => 'permanent' },
    );
    await custom.execute(() => Promise.reject(new Error('400'))).catch(() => undefined);
    expect(custom.state).toBe('closed');
    expect(custom.status().ignoredCalls).toBe(1);
  });

  it('a throwing classifier still releases the token (its error surfaces)', async () => {
    const clock = new FakeClock();
    const bad = new Error('classifier bug');
    const breaker = new UnifiedCircuitBreaker(
      'c',
      { ...base, failureThreshold: 1 },
      {
        clock,
        classify: () => {
          throw bad;
        },
      },
    );
    await expect(breaker.execute(() => Promise.reject(new Error('x')))).rejects.toBe(bad);
    // Released as transient: the breaker opened instead of leaking the call.
    expect(breaker.status()).toMatchObject({ state: 'open', totalCalls: 1, failedCalls: 1 });
  });
});

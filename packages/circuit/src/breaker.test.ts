import { CircuitOpenError, isRelError, type CircuitBreakerConfigInput } from '@rel/config';
import { FakeClock, sequenceRandom } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import type { CircuitStateChange } from './events.js';

const base: CircuitBreakerConfigInput = {
  strategy: 'consecutive',
  failureThreshold: 3,
  openMs: 1_000,
  openJitter: 0,
  openBackoffMultiplier: 2,
  maxOpenMs: 8_000,
};

function setup(config: CircuitBreakerConfigInput = {}, probeLeaseMs?: number) {
  const clock = new FakeClock();
  const breaker = new UnifiedCircuitBreaker(
    'dep',
    { ...base, ...config },
    { clock, random: sequenceRandom([0.5]), ...(probeLeaseMs === undefined ? {} : { probeLeaseMs }) },
  );
  const events: CircuitStateChange[] = [];
  breaker.onStateChange((e) => events.push(e));
  /** One admitted call that reports `kind` at once; false when refused. */
  const call = (kind: Parameters<typeof breaker.release>[1] = 'success', durationMs = 1): boolean => {
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

describe('UnifiedCircuitBreaker transitions', () => {
  it('opens after failureThreshold failures in a row, and a success in between resets the count', () => {
    const { breaker, call } = setup();
    call('transient');
    call('transient');
    call('success');
    call('transient');
    call('transient');
    expect(breaker.state).toBe('closed');
    call('transient');
    expect(breaker.state).toBe('open');
  });

  it('refuses while open, with the remaining open time as retry-after', async () => {
    const { clock, breaker, trip, events } = setup();
    trip();
    expect(breaker.tryAcquire()).toBe(-1);
    expect(breaker.retryAfterMs()).toBe(1_000);
    await clock.advance(400);
    expect(breaker.retryAfterMs()).toBe(600);
    expect(events).toEqual([
      {
        name: 'dep',
        from: 'closed',
        to: 'open',
        reason: 'failure_threshold',
        retryAfterMs: 1_000,
        at: clock.now() - 400,
      },
    ]);
  });

  it('moves open -> half_open lazily, on the first read after the open time (no timers)', async () => {
    const { clock, breaker, trip, events } = setup();
    trip();
    expect(clock.pendingTimers()).toBe(0);
    await clock.advance(999);
    expect(breaker.state).toBe('open');
    await clock.advance(1);
    expect(breaker.state).toBe('half_open');
    expect(events.at(-1)).toMatchObject({ from: 'open', to: 'half_open', reason: 'open_elapsed' });
  });

  it('closes after successThreshold successful probes, and a failed probe re-opens with a longer open time', async () => {
    const { clock, breaker, trip, call, events } = setup({ successThreshold: 2 });
    trip();
    await clock.advance(1_000);
    expect(call('success')).toBe(true);
    expect(breaker.state).toBe('half_open');
    expect(call('transient')).toBe(true);
    expect(breaker.state).toBe('open');
    expect(events.at(-1)).toMatchObject({ to: 'open', reason: 'probe_failed', retryAfterMs: 2_000 });
    await clock.advance(2_000);
    expect(call('success')).toBe(true);
    expect(call('success')).toBe(true);
    expect(breaker.state).toBe('closed');
    expect(events.at(-1)).toMatchObject({ from: 'half_open', to: 'closed', reason: 'probes_succeeded' });
  });

  it('grows the open time per consecutive opening up to maxOpenMs, and a close resets the growth', async () => {
    const { clock, breaker, trip, call } = setup();
    trip();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(breaker.retryAfterMs());
      await clock.advance(breaker.retryAfterMs());
      call('transient'); // the probe fails
    }
    expect(seen).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    await clock.advance(breaker.retryAfterMs());
    call('success');
    expect(breaker.state).toBe('closed');
    trip();
    expect(breaker.retryAfterMs()).toBe(1_000);
  });

  it('half-open admits at most halfOpenMaxProbes at once and refuses the rest with a hint', async () => {
    const { clock, breaker, trip } = setup({ halfOpenMaxProbes: 2, successThreshold: 3 }, 5_000);
    trip();
    await clock.advance(1_000);
    const a = breaker.tryAcquire();
    const b = breaker.tryAcquire();
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(breaker.tryAcquire()).toBe(-1);
    expect(breaker.retryAfterMs()).toBe(5_000); // the earliest probe lease end
    breaker.release(a, 'success', 1);
    const c = breaker.tryAcquire();
    expect(c).toBeGreaterThanOrEqual(0);
    breaker.release(b, 'success', 1);
    breaker.release(c, 'success', 1);
    expect(breaker.state).toBe('closed');
  });

  it('a cancelled or permanent probe frees its slot without deciding anything', async () => {
    const { clock, breaker, trip } = setup();
    trip();
    await clock.advance(1_000);
    const probe = breaker.tryAcquire();
    expect(breaker.tryAcquire()).toBe(-1);
    breaker.release(probe, 'cancelled', 1);
    expect(breaker.state).toBe('half_open');
    const next = breaker.tryAcquire();
    breaker.release(next, 'permanent', 1);
    expect(breaker.state).toBe('half_open');
    expect(breaker.status()).toMatchObject({ probeSuccesses: 0, probesInFlight: 0, ignoredCalls: 2 });
  });

  it('a probe that never reports back ends with its lease: a timeout that re-opens', async () => {
    const { clock, breaker, trip, events } = setup({}, 3_000);
    trip();
    await clock.advance(1_000);
    const lost = breaker.tryAcquire();
    expect(lost).toBeGreaterThanOrEqual(0);
    await clock.advance(2_999);
    expect(breaker.tryAcquire()).toBe(-1);
    await clock.advance(1);
    expect(breaker.state).toBe('open');
    expect(events.at(-1)).toMatchObject({ from: 'half_open', to: 'open', reason: 'probe_lease_expired' });
    // The late report decides nothing.
    breaker.release(lost, 'success', 4_000);
    expect(breaker.state).toBe('open');
  });

  it('when timeouts do not count, an expired lease only frees the slot, and the late report cannot free a newer probe', async () => {
    const { clock, breaker, trip } = setup({ failureKinds: ['transient'] }, 3_000);
    trip();
    await clock.advance(1_000);
    const lost = breaker.tryAcquire();
    await clock.advance(3_000);
    const fresh = breaker.tryAcquire();
    expect(fresh).toBeGreaterThanOrEqual(0);
    expect(breaker.state).toBe('half_open');
    breaker.release(lost, 'transient', 1); // late: ignored
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(-1); // `fresh` still holds the only slot
    breaker.release(fresh, 'success', 1);
    expect(breaker.state).toBe('closed');
  });

  it('reports of calls admitted before a state change are counted but decide nothing', async () => {
    const { clock, breaker, trip, call } = setup({ failureThreshold: 1 });
    const early = breaker.tryAcquire();
    trip();
    await clock.advance(1_000);
    call('success'); // the probe closes it
    expect(breaker.state).toBe('closed');
    breaker.release(early, 'transient', 1); // from the first closed period: stale
    expect(breaker.state).toBe('closed');
    expect(breaker.status()).toMatchObject({ failedCalls: 2, totalCalls: 3 });
  });

  it('ignores cancelled and permanent outcomes while closed', () => {
    const { breaker, call } = setup();
    for (let i = 0; i < 10; i++) call(i % 2 ? 'cancelled' : 'permanent');
    call('transient');
    call('transient');
    expect(breaker.state).toBe('closed');
    expect(breaker.status()).toMatchObject({ ignoredCalls: 10, failedCalls: 2 });
  });

  it('jitters the open time within openMs * (1 +/- openJitter), using the injected random', () => {
    for (const [u, expected] of [
      [0, 800],
      [0.5, 1_000],
      [0.999, 1_199.6],
    ] as const) {
      const clock = new FakeClock();
      const breaker = new UnifiedCircuitBreaker(
        'j',
        { ...base, openJitter: 0.2 },
        { clock, random: sequenceRandom([u]) },
      );
      for (let i = 0; i < 3; i++) breaker.release(breaker.tryAcquire(), 'timeout', 1);
      // Clock times near 1.7e12 keep about 1e-4 ms of precision.
      expect(breaker.retryAfterMs()).toBeCloseTo(expected, 2);
    }
  });
});

describe('manual control', () => {
  it('isolate() forces the breaker open until the last handle is disposed', () => {
    const { breaker, events } = setup();
    const a = breaker.isolate();
    const b = breaker.isolate();
    expect(breaker.state).toBe('isolated');
    expect(breaker.tryAcquire()).toBe(-1);
    expect(breaker.retryAfterMs()).toBe(Infinity);
    a.dispose();
    a.dispose(); // twice is harmless
    expect(breaker.state).toBe('isolated');
    b.dispose();
    expect(breaker.state).toBe('closed');
    expect(events.map((e) => `${e.from}>${e.to}:${e.reason}`)).toEqual([
      'closed>isolated:isolated',
      'isolated>closed:isolation_ended',
    ]);
  });

  it('returns from isolation to the underlying state, which kept evolving', async () => {
    const { clock, breaker, trip } = setup();
    trip();
    const handle = breaker.isolate();
    await clock.advance(5_000);
    expect(breaker.state).toBe('isolated');
    handle.dispose();
    expect(breaker.state).toBe('half_open');
  });

  it('reset() closes from any state but does not end an isolation', async () => {
    const { clock, breaker, trip } = setup();
    trip();
    breaker.reset();
    expect(breaker.state).toBe('closed');
    trip();
    await clock.advance(1_000);
    const handle = breaker.isolate();
    breaker.reset();
    expect(breaker.state).toBe('isolated');
    handle.dispose();
    expect(breaker.state).toBe('closed');
  });

  it('disabled admits everything and never opens, until enable() or reset()', () => {
    const { breaker, trip, call } = setup();
    breaker.disable();
    trip();
    trip();
    expect(breaker.state).toBe('disabled');
    expect(call('success')).toBe(true);
    breaker.enable();
    expect(breaker.state).toBe('closed');
    call('transient');
    call('transient');
    expect(breaker.state).toBe('closed'); // fresh window: two of three
    breaker.disable();
    breaker.reset();
    expect(breaker.state).toBe('closed');
  });
});

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

  it('execute measures the duration on the injected clock (slow calls)', async () => {
    const { breaker, clock } = setup({ slowCallMs: 100 });
    const pending = breaker.execute(async () => {
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 150));
      return 'late';
    });
    await clock.advance(150);
    await expect(pending).resolves.toBe('late');
    expect(breaker.status()).toMatchObject({ slowCalls: 1, successfulCalls: 1 });
  });

  it('tryExecute never rejects and refuses with a plain object, not an Error', async () => {
    const { breaker, trip } = setup();
    await expect(breaker.tryExecute(() => 'v')).resolves.toEqual({ ok: true, value: 'v', durationMs: 0 });
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

describe('events', () => {
  it('onReject reports refusals; onStateChange subscriptions can be disposed', () => {
    const { breaker, trip } = setup();
    const rejections: unknown[] = [];
    const sub = breaker.onReject((e) => rejections.push(e));
    trip();
    breaker.tryAcquire();
    sub.dispose();
    breaker.tryAcquire();
    expect(rejections).toEqual([{ name: 'dep', state: 'open', retryAfterMs: 1_000 }]);
    expect(breaker.status().rejectedCalls).toBe(2);
  });
});

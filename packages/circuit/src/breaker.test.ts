import { FakeClock, sequenceRandom } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import { base, setup } from '../test/setup.js';

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

  it('a transition noticed late takes effect when it fell due, as if there were timers', async () => {
    const { clock, breaker, trip, events } = setup({}, 3_000);
    trip();
    const openedAt = clock.now();
    await clock.advance(1_000);
    breaker.tryAcquire(); // a probe that will never report back: its lease ends at +4 s
    await clock.advance(60_000); // nobody looks for a minute
    expect(breaker.state).toBe('half_open'); // re-opened at +4 s for 2 s, half-open again since +6 s
    expect(events.slice(-3).map((e) => [e.to, e.reason, e.at - openedAt])).toEqual([
      ['half_open', 'open_elapsed', 1_000],
      ['open', 'probe_lease_expired', 4_000],
      ['half_open', 'open_elapsed', 6_000],
    ]);
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

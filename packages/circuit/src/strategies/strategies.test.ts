import { RelConfigError, type CircuitBreakerConfigInput, type OutcomeKind } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from '../breaker.js';

function setup(config: CircuitBreakerConfigInput) {
  const clock = new FakeClock();
  const breaker = new UnifiedCircuitBreaker('s', { openJitter: 0, ...config }, { clock });
  const call = (kind: OutcomeKind, durationMs = 1): void => {
    const token = breaker.tryAcquire();
    if (token < 0) throw new Error('refused');
    breaker.release(token, kind, durationMs);
  };
  return { clock, breaker, call };
}

describe('count strategy', () => {
  const config = {
    strategy: 'count',
    windowSize: 10,
    minimumThroughput: 4,
    failureRateThreshold: 0.5,
  } as const;

  it('waits for minimumThroughput calls before the ratio can open it', () => {
    const { breaker, call } = setup(config);
    call('transient');
    call('transient');
    call('transient');
    expect(breaker.state).toBe('closed'); // 3/3 failed, but only 3 calls
    call('transient');
    expect(breaker.state).toBe('open');
  });

  it('opens exactly when failures / calls reaches the threshold', () => {
    const { breaker, call } = setup(config);
    for (const kind of ['success', 'success', 'success', 'transient', 'success', 'transient'] as const)
      call(kind);
    expect(breaker.state).toBe('closed'); // 2/6
    call('transient'); // 3/7
    expect(breaker.state).toBe('closed');
    call('timeout'); // 4/8 = 0.5
    expect(breaker.state).toBe('open');
  });

  it('only counts the last windowSize calls', () => {
    const { breaker, call } = setup({ ...config, windowSize: 4, failureRateThreshold: 0.75 });
    for (const kind of ['transient', 'transient', 'success', 'success', 'success', 'success'] as const)
      call(kind);
    call('transient');
    call('transient'); // window: s s f f -> 0.5
    expect(breaker.state).toBe('closed');
    call('transient'); // s f f f -> 0.75
    expect(breaker.state).toBe('open');
  });

  it('a threshold of 1 opens when every call in the window failed', () => {
    const { breaker, call } = setup({ ...config, failureRateThreshold: 1 });
    call('success');
    for (let i = 0; i < 9; i++) call('transient');
    expect(breaker.state).toBe('closed'); // 9/10
    call('transient');
    expect(breaker.state).toBe('open');
  });

  it('refuses a window that can never reach minimumThroughput', () => {
    expect(
      () => new UnifiedCircuitBreaker('x', { strategy: 'count', windowSize: 5, minimumThroughput: 6 }),
    ).toThrow(RelConfigError);
    expect(
      () => new UnifiedCircuitBreaker('x', { strategy: 'count', windowSize: 5, minimumThroughput: 6 }),
    ).toThrow(/minimumThroughput: received 6; expected at most windowSize \(5\)/);
  });
});

describe('time strategy', () => {
  const config = {
    strategy: 'time',
    windowMs: 10_000,
    minimumThroughput: 4,
    failureRateThreshold: 0.5,
  } as const;

  it('opens on the failure ratio once minimumThroughput calls are in the window', async () => {
    const { breaker, call, clock } = setup(config);
    call('success');
    call('transient');
    await clock.advance(1_000);
    call('transient');
    expect(breaker.state).toBe('closed'); // 3 calls < 4
    call('success'); // 4 calls, 2/4 = 0.5: the call that reaches minimumThroughput decides, whatever its outcome
    expect(breaker.state).toBe('open');
  });

  it('forgets calls that left the window (with a 1 s bucket resolution)', async () => {
    const { breaker, call, clock } = setup(config);
    call('transient');
    call('transient');
    call('transient');
    await clock.advance(10_000); // the first bucket has left the window
    call('success');
    call('success');
    call('success');
    call('transient');
    expect(breaker.state).toBe('closed'); // 1/4: the old failures are gone
  });

  it('forgets everything after an idle gap longer than the window', async () => {
    const { breaker, call, clock } = setup(config);
    for (let i = 0; i < 3; i++) call('transient');
    await clock.advance(60_000);
    for (let i = 0; i < 3; i++) call('success');
    call('transient');
    expect(breaker.state).toBe('closed');
    expect(breaker.status().totalCalls).toBe(7);
  });

  it('ignores durations (slow successes do not open a time breaker)', () => {
    const { breaker, call } = setup({ ...config, slowCallMs: 10 });
    for (let i = 0; i < 10; i++) call('success', 1_000);
    expect(breaker.state).toBe('closed');
    expect(breaker.status().slowCalls).toBe(10);
  });
});

describe('slow_call strategy', () => {
  const config = {
    strategy: 'slow_call',
    windowMs: 10_000,
    minimumThroughput: 4,
    failureRateThreshold: 0.5,
    slowCallMs: 100,
    slowCallRateThreshold: 0.75,
  } as const;

  it('opens when slow calls reach slowCallRateThreshold, even though they all succeed', () => {
    const { breaker, call } = setup(config);
    call('success', 500);
    call('success', 20);
    call('success', 500);
    call('success', 100); // exactly slowCallMs is not slow
    expect(breaker.state).toBe('closed'); // 2/4
    call('success', 101);
    expect(breaker.state).toBe('closed'); // 3/5
    call('success', 900); // 4/6
    call('success', 900); // 5/7
    expect(breaker.state).toBe('closed');
    call('success', 900); // 6/8 = 0.75
    expect(breaker.state).toBe('open');
    expect(breaker.status()).toMatchObject({ successfulCalls: 8, failedCalls: 0, slowCalls: 6 });
  });

  it('still opens on the failure ratio', () => {
    const { breaker, call } = setup(config);
    call('success');
    call('success');
    call('transient');
    call('transient');
    expect(breaker.state).toBe('open');
  });

  it('a slow probe re-opens the breaker', async () => {
    const { breaker, call, clock } = setup({ ...config, openMs: 1_000 });
    for (let i = 0; i < 4; i++) call('transient');
    await clock.advance(1_000);
    const events: string[] = [];
    breaker.onStateChange((e) => events.push(`${e.to}:${e.reason}`));
    call('success', 250);
    expect(events).toEqual(['half_open:open_elapsed', 'open:probe_slow']);
  });
});

describe('consecutive strategy', () => {
  it('counts only failure kinds, in a row', () => {
    const { breaker, call } = setup({ strategy: 'consecutive', failureThreshold: 2 });
    call('rate_limited');
    call('cancelled'); // ignored: the run is not broken
    expect(breaker.state).toBe('closed');
    call('overloaded');
    expect(breaker.state).toBe('open');
  });
});

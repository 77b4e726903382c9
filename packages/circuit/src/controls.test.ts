import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import { countingClock, setup } from '../test/setup.js';

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

describe('cost without listeners', () => {
  it('a refusal nobody listens to reads the clock once and builds no payload', () => {
    const { counting, reads, zero } = countingClock();
    const breaker = new UnifiedCircuitBreaker('quiet', { failureThreshold: 1 }, { clock: counting });
    breaker.release(breaker.tryAcquire(), 'transient', 1);
    zero();
    expect(breaker.tryAcquire()).toBe(-1);
    expect(reads()).toBe(1); // the open-time check; no retry-after for an event nobody hears
    const sub = breaker.onReject(() => undefined);
    zero();
    breaker.tryAcquire();
    expect(reads()).toBe(2); // now the payload's retryAfterMs is computed
    sub.dispose();
  });

  it('a closed breaker admits and records successes without reading the clock', () => {
    const { counting, reads } = countingClock();
    const breaker = new UnifiedCircuitBreaker('quiet', {}, { clock: counting });
    for (let i = 0; i < 100; i++) breaker.release(breaker.tryAcquire(), i % 3 ? 'success' : 'transient', 1);
    expect(reads()).toBe(0);
    expect(breaker.state).toBe('closed');
  });
});

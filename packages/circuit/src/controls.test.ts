import { describe, expect, it } from 'vitest';
import { setup } from './testing/setup.js';

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

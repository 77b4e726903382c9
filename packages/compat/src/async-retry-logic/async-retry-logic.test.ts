import { CircuitOpenError, isRelError } from '@rel/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { AsyncCircuitBreaker } from './async-circuit-breaker.js';
import { withRetry } from './with-retry.js';
import { withTimeout } from './with-timeout.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

async function outcome<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  return settled;
}

describe('withRetry', () => {
  it('waits delay, delay·factor between attempts and returns the value', async () => {
    const { op, times } = failingTimes(env.clock, 2, 'ok');
    const wrapped = withRetry({ maxAttempts: 3, delay: 0.1, backoffFactor: 2, env: {} })(op);
    expect(await outcome(wrapped())).toEqual({ value: 'ok' });
    expect(gaps(times)).toEqual([100, 200]);
  });

  it('retries only `exceptions` and throws the final exception', async () => {
    const wrapped = withRetry({ max_attempts: 4, delay: 0.01, exceptions: ['ConnectionError'], env: {} });
    const conn = failingTimes(env.clock, 9, 0, () => systemError('ECONNRESET'));
    const r1 = await outcome(wrapped(conn.op)());
    expect(conn.times).toHaveLength(4);
    expect(r1.error).toBe(conn.errors[3]);
    const other = failingTimes(env.clock, 9, 0);
    const r2 = await outcome(wrapped(other.op)());
    expect(other.times).toHaveLength(1);
    expect(r2.error).toBe(other.errors[0]);
  });

  it('honours RETRY_* overrides, like the legacy decorator', async () => {
    const { op, times } = failingTimes(env.clock, 9, 0);
    await outcome(withRetry({ maxAttempts: 2, delay: 0.01, env: { RETRY_MAX_ATTEMPTS: '5' } })(op)());
    expect(times).toHaveLength(5);
  });

  it('names bad options', () => {
    expect(() => withRetry({ maxAttempts: 2, max_attempts: 3 })).toThrow(/max_attempts/);
    expect(() => withRetry({ retries: 2 } as never)).toThrow(/retries: unknown key/);
  });
});

describe('withTimeout', () => {
  it('stops waiting at the deadline with a typed DeadlineExceededError; passes values and errors through', async () => {
    const slow = withTimeout(
      2,
      'slow_op',
    )(() => new Promise<string>((resolve) => env.clock.setTimeout(() => resolve('late'), 5_000)));
    const settled = outcome(slow());
    const r = await settled;
    expect(isRelError(r.error, 'REL_DEADLINE_EXCEEDED')).toBe(true);
    expect(env.clock.now() - 1_700_000_000_000).toBeGreaterThanOrEqual(2_000);
    expect(await outcome(withTimeout(2)((x: number) => x + 1)(1))).toEqual({ value: 2 });
    const own = new RangeError('own');
    expect(await outcome(withTimeout(2)(() => Promise.reject(own))())).toEqual({ error: own });
  });
});

describe('AsyncCircuitBreaker', () => {
  it('opens after failureThreshold failures with UPPER-CASE states, refuses with the legacy message, probes after `timeout`', async () => {
    const breaker = new AsyncCircuitBreaker({ failureThreshold: 2, timeout: 10, name: 'inventory' });
    expect(breaker.state).toBe('CLOSED');
    const boom = (): Promise<never> => Promise.reject(new Error('boom'));
    await outcome(breaker.call(boom));
    expect(breaker.circuitInfo).toMatchObject({
      state: 'CLOSED',
      failure_count: 1,
      failure_threshold: 2,
      timeout: 10,
    });
    await outcome(breaker.call(boom));
    expect(breaker.state).toBe('OPEN');
    let ran = false;
    const refused = await outcome(breaker.call(() => (ran = true)));
    expect(ran).toBe(false);
    expect(refused.error).toBeInstanceOf(CircuitOpenError);
    expect((refused.error as Error).message).toBe('Circuit breaker is OPEN (failed 2 times)');
    await env.clock.advance(10_000);
    expect(breaker.state).toBe('HALF_OPEN');
    expect(await outcome(breaker.call((a: number, b: number) => Promise.resolve(a * b), 6, 7))).toEqual({
      value: 42,
    });
    expect(breaker.circuitInfo).toMatchObject({ state: 'CLOSED', failure_count: 0, last_failure_time: null });
    expect(env.manager.find('inventory')?.breaker?.state).toBe('closed');
  });

  it('counts only expected exceptions; others pass through and decide nothing', async () => {
    const breaker = new AsyncCircuitBreaker({
      failure_threshold: 1,
      expected_exception: ['ConnectionError'],
    });
    const other = new RangeError('not counted');
    expect(await outcome(breaker.call(() => Promise.reject(other)))).toEqual({ error: other });
    expect(breaker.state).toBe('CLOSED');
    await outcome(breaker.call(() => Promise.reject(systemError('ECONNREFUSED'))));
    expect(breaker.state).toBe('OPEN');
    expect(breaker.circuitInfo.last_failure_time).toBe(env.clock.now() / 1000);
  });

  it('two objects are two breakers', async () => {
    const a = new AsyncCircuitBreaker({ failureThreshold: 1 });
    const b = new AsyncCircuitBreaker({ failureThreshold: 1 });
    await outcome(a.call(() => Promise.reject(new Error('x'))));
    expect([a.state, b.state]).toEqual(['OPEN', 'CLOSED']);
  });
});

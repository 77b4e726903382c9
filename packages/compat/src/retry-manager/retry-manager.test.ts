import { isRelError } from '@rel/config';
import { sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { BackoffStrategy } from './backoff-strategy.js';
import { RetryManager } from './retry-manager.js';
import { RetryResult } from './retry-result.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

/** An operation that fails `failures` times with `error`, then returns `value`; records when it ran. */
function flaky<T>(
  failures: number,
  error: () => unknown,
  value: T,
): { op: () => Promise<T>; times: number[] } {
  const times: number[] = [];
  let calls = 0;
  const op = (): Promise<T> => {
    times.push(env.clock.now());
    calls++;
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return calls <= failures ? Promise.reject(error()) : Promise.resolve(value);
  };
  return { op, times };
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

async function settle<T>(promise: Promise<T>): Promise<T> {
  await env.clock.runAll();
  return promise;
}

describe('RetryManager delays (seconds, on the fake clock)', () => {
  it.each([
    [BackoffStrategy.FIXED, [500, 500, 500]],
    [BackoffStrategy.LINEAR, [500, 1000, 1500]],
    [BackoffStrategy.EXPONENTIAL, [500, 1000, 2000]],
  ])('%s waits %j ms between attempts', async (strategy, expected) => {
    const manager = new RetryManager({ maxAttempts: 4, baseDelay: 0.5, backoffStrategy: strategy });
    const { op, times } = flaky(3, () => new Error('flaky'), 'ok');
    const r = await settle(manager.executeWithRetry(op, 'op'));
    expect(r.success).toBe(true);
    expect(r.result).toBe('ok');
    expect(r.attempts).toBe(4);
    expect(gaps(times)).toEqual(expected);
  });

  it('exponential_jitter (the default) adds 10-50 % to base·2^(a-1): e + e·U(0.1, 0.5)', async () => {
    const manager = new RetryManager({ random: sequenceRandom([0, 0.5, 0.999]) });
    const { op, times } = flaky(2, () => new Error('flaky'), 1);
    const r = await settle(manager.executeWithRetry(op));
    expect(manager.backoffStrategy).toBe('exponential_jitter');
    expect(r.attempts).toBe(3);
    // a = 1: 1 s · (1 + 0.1 + 0.4·0) = 1.1 s; a = 2: 2 s · (1 + 0.1 + 0.4·0.5) = 2.6 s
    expect(gaps(times)).toEqual([1100, 2600]);
  });

  it('caps every delay at maxDelay', async () => {
    const manager = new RetryManager({
      maxAttempts: 5,
      baseDelay: 1,
      maxDelay: 3,
      backoffStrategy: 'exponential',
    });
    const { op, times } = flaky(4, () => new Error('flaky'), 1);
    await settle(manager.executeWithRetry(op));
    expect(gaps(times)).toEqual([1000, 2000, 3000, 3000]);
  });

  it('accepts snake_case options', async () => {
    const manager = new RetryManager({ max_attempts: 2, base_delay: 0.25, backoff_strategy: 'fixed' });
    const { op, times } = flaky(5, () => new Error('down'), 1);
    const r = await settle(manager.executeWithRetry(op));
    expect(r.attempts).toBe(2);
    expect(gaps(times)).toEqual([250]);
  });
});

describe('RetryManager older form: new RetryManager(config) with max_retries', () => {
  it('runs max_retries + 1 attempts with plain exponential delays', async () => {
    const manager = new RetryManager({ max_retries: 2, base_delay: 0.5, max_delay: 10 });
    expect(manager.maxAttempts).toBe(3);
    expect(manager.backoffStrategy).toBe('exponential');
    const { op, times } = flaky(9, () => systemError('ECONNRESET'), 1);
    const r = await settle(manager.executeWithRetry(op, 'call'));
    expect(r.attempts).toBe(3);
    expect(gaps(times)).toEqual([500, 1000]);
  });

  it('ignores the shared config fields it never used, and says so', () => {
    const manager = new RetryManager({ maxRetries: 1, backoff_factor: 3, jitter_type: 'full' });
    const ignored = manager
      .toCanonical()
      .notes.filter((n) => n.action === 'ignored')
      .map((n) => n.legacy);
    expect(ignored).toEqual(['backoff_factor', 'jitter_type']);
  });
});

describe('RetryManager.executeWithRetry results', () => {
  it('reports the real attempt count when a non-retryable error stops the loop (legacy reported the max)', async () => {
    const manager = new RetryManager({ maxAttempts: 5 });
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const { op, times } = flaky(9, () => bug, 1);
    const r = await settle(manager.executeWithRetry(op, 'lookup'));
    expect(r).toBeInstanceOf(RetryResult);
    expect(r.success).toBe(false);
    expect(r.attempts).toBe(1);
    expect(times).toHaveLength(1);
    expect(r.lastError).toBe(bug);
    expect(r.result).toBeUndefined();
  });

  it('retries connection errors, timeouts and plain Errors by default; not named error classes', async () => {
    class ValidationError extends Error {
      override name = 'ValidationError';
    }
    const cases: [Error, number][] = [
      [systemError('ECONNREFUSED'), 3],
      [systemError('ETIMEDOUT'), 3],
      [new DOMException('signal timed out', 'TimeoutError'), 3],
      [new Error('runtime failure'), 3],
      [new ValidationError('bad input'), 1],
      [new RangeError('out of range'), 1],
    ];
    for (const [error, attempts] of cases) {
      const manager = new RetryManager({ baseDelay: 0.01 });
      const r = await settle(manager.executeWithRetry(() => Promise.reject(error)));
      expect([String(error), r.attempts]).toEqual([String(error), attempts]);
      expect(r.lastError).toBe(error);
    }
  });

  it('honours a per-call maxAttempts and retryable set', async () => {
    class QuotaError extends Error {}
    const manager = new RetryManager({ maxAttempts: 2, baseDelay: 0.01 });
    const r = await settle(
      manager.executeWithRetry(() => Promise.reject(new QuotaError('q')), 'q', 4, [QuotaError]),
    );
    expect(r.attempts).toBe(4);
    const s = await settle(
      manager.executeWithRetry(() => Promise.reject(new Error('x')), 'x', undefined, ['TimeoutError']),
    );
    expect(s.attempts).toBe(1);
  });

  it('measures totalDuration in seconds, waits included', async () => {
    const manager = new RetryManager({ maxAttempts: 3, baseDelay: 1, backoffStrategy: 'exponential' });
    const { op } = flaky(2, () => new Error('x'), 'v');
    const r = await settle(manager.executeWithRetry(op));
    expect(r.totalDuration).toBe(3);
  });

  it('never rejects, even for bad arguments', async () => {
    const manager = new RetryManager();
    const r = await manager.executeWithRetry('not a function' as never, 'bad');
    expect(r.success).toBe(false);
    expect(r.attempts).toBe(0);
    expect(isRelError(r.lastError, 'REL_CONFIG_INVALID')).toBe(true);
    const s = await manager.executeWithRetry(() => 1, 'bad', 0);
    expect(isRelError(s.lastError, 'REL_CONFIG_INVALID')).toBe(true);
    const t = await manager.executeWithRetry(() => 1, 'bad', undefined, [42 as never]);
    expect(isRelError(t.lastError, 'REL_CONFIG_INVALID')).toBe(true);
  });

  it('rejects unknown keys and bad values at construction, naming them', () => {
    expect(() => new RetryManager({ maxAtempts: 3 } as never)).toThrow(
      /maxAtempts: unknown key \(did you mean "maxAttempts"\?\)/,
    );
    expect(() => new RetryManager({ backoffStrategy: 'fibonacci' })).toThrow(
      /backoffStrategy: received "fibonacci"/,
    );
    expect(() => new RetryManager({ baseDelay: -1 })).toThrow(
      /baseDelay: received -1; expected a number in \[0, 86400\]/,
    );
  });
});

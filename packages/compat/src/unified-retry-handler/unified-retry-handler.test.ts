import { CircuitOpenError, isRelError } from '@rel/config';
import { sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { agentRetry, databaseRetry, retryFileOperation, retryHttpRequest } from './domain-retry.js';
import { AGENT_RETRY_POLICY, DATABASE_RETRY_POLICY, LLM_RETRY_POLICY } from './policies.js';
import { RetryConfig } from './retry-config.js';
import { retryOnException } from './retry-on-exception.js';
import { RetryResult } from './retry-result.js';
import { RetryStrategy } from './retry-strategy-enum.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

const NO_ENV = { env: {} };

async function settled<T>(promise: Promise<T>): Promise<T> {
  const p = promise.catch(() => undefined);
  await env.clock.runAll();
  await p;
  return promise;
}

describe('legacy RetryConfig', () => {
  it('has the legacy defaults and is frozen; copy() returns a new one', () => {
    const c = new RetryConfig();
    expect({ ...c }).toMatchObject({
      maxAttempts: 3,
      baseDelay: 1,
      maxDelay: 60,
      strategy: 'exponential',
      backoffMultiplier: 2,
      jitterRange: 0.1,
      timeoutSeconds: null,
      circuitBreakerEnabled: false,
      circuitBreakerFailureThreshold: 5,
      circuitBreakerRecoveryTimeout: 30,
      metricsEnabled: true,
    });
    expect(Object.isFrozen(c)).toBe(true);
    const d = c.copy({ max_attempts: 7 });
    expect([c.maxAttempts, d.maxAttempts]).toEqual([3, 7]);
  });

  it('rejects fields the unified config never had, and unknown strategies', () => {
    expect(() => new RetryConfig({ max_retries: 2 })).toThrow(/max_retries: unknown key/);
    expect(() => new RetryConfig({ strategy: 'random' })).toThrow(/strategy: received "random"/);
  });

  it('keeps the legacy policy numbers (seconds)', () => {
    expect([
      DATABASE_RETRY_POLICY.maxAttempts,
      DATABASE_RETRY_POLICY.baseDelay,
      DATABASE_RETRY_POLICY.maxDelay,
      DATABASE_RETRY_POLICY.strategy,
      DATABASE_RETRY_POLICY.timeoutSeconds,
      DATABASE_RETRY_POLICY.circuitBreakerFailureThreshold,
      DATABASE_RETRY_POLICY.circuitBreakerRecoveryTimeout,
    ]).toEqual([5, 0.5, 30, 'exponential_jitter', 60, 5, 60]);
    expect([
      LLM_RETRY_POLICY.maxAttempts,
      LLM_RETRY_POLICY.backoffMultiplier,
      LLM_RETRY_POLICY.jitterRange,
      LLM_RETRY_POLICY.timeoutSeconds,
    ]).toEqual([4, 2.5, 0.15, 300]);
    expect(AGENT_RETRY_POLICY.circuitBreakerEnabled).toBe(false);
  });
});

describe('legacy UnifiedRetryHandler', () => {
  it('retries with the legacy strategy delays and returns the legacy RetryResult', async () => {
    const handler = new UnifiedRetryHandler(
      'svc',
      new RetryConfig({ maxAttempts: 4, baseDelay: 1, strategy: RetryStrategy.FIBONACCI }),
      NO_ENV,
    );
    const { op, times, errors } = failingTimes(env.clock, 3, 'v');
    const r = await settled(handler.executeWithRetryAsync(op));
    expect(r).toBeInstanceOf(RetryResult);
    expect(r.success).toBe(true);
    expect(r.result).toBe('v');
    expect(r.totalAttempts).toBe(4);
    expect(gaps(times)).toEqual([1000, 1000, 2000]);
    expect(r.attempts.map((a) => [a.attemptNumber, a.delayBefore, a.exception])).toEqual([
      [1, 1, errors[0]],
      [2, 1, errors[1]],
      [3, 2, errors[2]],
      [4, 0, null],
    ]);
    expect(r.totalTime).toBe(0); // time in the calls only: the fake operations take none
  });

  it("exponential_jitter is d ± jitterRange·d (the canonical proportional jitter, from the manager's random source)", async () => {
    env.restore();
    env = useFakeDefaultManager(sequenceRandom([1 - 2 ** -53, 0]));
    const handler = new UnifiedRetryHandler(
      'svc',
      { max_attempts: 3, strategy: 'exponential_jitter', jitter_range: 0.5 },
      NO_ENV,
    );
    const { op, times } = failingTimes(env.clock, 2, 1);
    await settled(handler.executeWithRetry(op));
    expect(gaps(times).map(Math.round)).toEqual([1500, 1000]); // 1 s + ~50 %, 2 s - 50 %
  });

  it('stops at once on a non-retryable exception and reports it as finalException; never throws', async () => {
    const handler = new UnifiedRetryHandler('agent', AGENT_RETRY_POLICY, NO_ENV);
    const { op, times, errors } = failingTimes(env.clock, 5, 1, () => new RangeError('bad value'));
    const r = await settled(handler.executeWithRetry(op));
    expect(times).toHaveLength(1);
    expect(r.success).toBe(false);
    expect(r.finalException).toBe(errors[0]);
    const bad = await handler.executeWithRetry('nope' as never);
    expect(isRelError(bad.finalException, 'REL_CONFIG_INVALID')).toBe(true);
  });

  it('passes arguments, and wrap() / retryContext() return the value or throw the final exception', async () => {
    const handler = new UnifiedRetryHandler('math', { max_attempts: 2, base_delay: 0.01 }, NO_ENV);
    const add = (a: number, b: number): number => a + b;
    expect((await settled(handler.executeWithRetry(add, 1, 2))).result).toBe(3);
    expect(await settled(handler.wrap(add)(2, 3))).toBe(5);
    const ctx = handler.retryContext(add, 1, 2);
    expect(await settled(ctx.execute())).toBe(3);
    expect(ctx.result?.success).toBe(true);
    const failing = handler.retryContext(() => {
      throw new RangeError('no');
    });
    await expect(settled(failing.execute())).rejects.toThrow('no');
    expect(failing.result?.success).toBe(false);
  });

  it('withMaxAttempts / withTimeout / withCircuitBreaker return new handlers and leave this one alone', () => {
    const handler = new UnifiedRetryHandler('svc', {}, NO_ENV);
    expect(handler.withMaxAttempts(6).config.maxAttempts).toBe(6);
    expect(handler.withTimeout(2.5).toCanonical().config.totalTimeoutMs).toBe(2500);
    const guarded = handler.withCircuitBreaker(true, 2, 10);
    expect(guarded.toCanonical().circuitBreaker).toMatchObject({
      failureThreshold: 2,
      openMs: 10_000,
      openBackoffMultiplier: 1,
      openJitter: 0,
    });
    expect(handler.config.maxAttempts).toBe(3);
    expect(handler.getCircuitBreakerStatus()).toBeNull();
  });

  it('a breaker that is open refuses with no attempts and the legacy message', async () => {
    const handler = new UnifiedRetryHandler('flaky', { maxAttempts: 1 }, NO_ENV).withCircuitBreaker(
      true,
      2,
      5,
    );
    await settled(handler.executeWithRetry(() => Promise.reject(systemError('ECONNRESET'))));
    await settled(handler.executeWithRetry(() => Promise.reject(systemError('ECONNRESET'))));
    const r = await settled(handler.executeWithRetry(() => 'never'));
    expect(r.totalAttempts).toBe(0);
    expect(r.finalException).toBeInstanceOf(CircuitOpenError);
    expect((r.finalException as Error).message).toBe('Circuit breaker is open');
    expect(handler.getCircuitBreakerStatus()).toMatchObject({
      state: 'open',
      failure_threshold: 2,
      recovery_timeout: 5,
    });
  });

  it('an overall timeout becomes the canonical deadline: no sleep past it', async () => {
    const handler = new UnifiedRetryHandler(
      'slow',
      { max_attempts: 5, base_delay: 2, timeout_seconds: 3 },
      NO_ENV,
    );
    const { op, times } = failingTimes(env.clock, 9, 1);
    const r = await settled(handler.executeWithRetry(op));
    expect(times).toHaveLength(2); // at 0 s and 2 s; the next wait (4 s) would overrun the 3 s budget
    expect(r.success).toBe(false);
  });
});

describe('legacy RETRY_* environment overrides', () => {
  it('override the given config on a copy: the shared policy object is never modified', () => {
    const before = { ...DATABASE_RETRY_POLICY };
    const handler = new UnifiedRetryHandler('db', DATABASE_RETRY_POLICY, {
      env: {
        RETRY_MAX_ATTEMPTS: '7',
        RETRY_BASE_DELAY: '0.25',
        RETRY_MAX_DELAY: '9',
        RETRY_BACKOFF_MULTIPLIER: '3',
        RETRY_JITTER_RANGE: '0.2',
        RETRY_TIMEOUT_SECONDS: '12',
        RETRY_STRATEGY: 'LINEAR',
      },
    });
    expect({ ...handler.config }).toMatchObject({
      maxAttempts: 7,
      baseDelay: 0.25,
      maxDelay: 9,
      backoffMultiplier: 3,
      jitterRange: 0.2,
      timeoutSeconds: 12,
      strategy: 'linear',
    });
    expect({ ...DATABASE_RETRY_POLICY }).toEqual(before);
    expect(Object.isFrozen(DATABASE_RETRY_POLICY)).toBe(true);
    expect(handler.toCanonical().config).toMatchObject({
      maxAttempts: 7,
      baseDelayMs: 250,
      maxDelayMs: 9000,
      backoff: 'linear',
      totalTimeoutMs: 12_000,
    });
    const envNotes = handler
      .toCanonical()
      .notes.filter((n) => n.action === 'env')
      .map((n) => n.legacy);
    expect(envNotes).toEqual(
      expect.arrayContaining([
        'RETRY_MAX_ATTEMPTS',
        'RETRY_BASE_DELAY',
        'RETRY_STRATEGY',
        'RETRY_TIMEOUT_SECONDS',
      ]),
    );
    // And a handler without overrides still sees the policy's own numbers.
    expect(new UnifiedRetryHandler('db', DATABASE_RETRY_POLICY, NO_ENV).config.maxAttempts).toBe(5);
  });

  it('are read from process.env by default', () => {
    process.env.RETRY_MAX_ATTEMPTS = '2';
    try {
      expect(new UnifiedRetryHandler('x').config.maxAttempts).toBe(2);
    } finally {
      delete process.env.RETRY_MAX_ATTEMPTS;
    }
    expect(new UnifiedRetryHandler('x').config.maxAttempts).toBe(3);
  });

  it('bad values are a clear error naming the variable, never ignored', () => {
    expect(() => new UnifiedRetryHandler('x', {}, { env: { RETRY_MAX_ATTEMPTS: 'three' } })).toThrow(
      /RETRY_MAX_ATTEMPTS: received "three"; expected an integer in \[1, 100\]/,
    );
    expect(() => new UnifiedRetryHandler('x', {}, { env: { RETRY_STRATEGY: 'exponental' } })).toThrow(
      /RETRY_STRATEGY: received "exponental".*did you mean "exponential"/,
    );
    expect(() => new UnifiedRetryHandler('x', {}, { env: { RETRY_BASE_DELAY: '-1' } })).toThrow(
      /RETRY_BASE_DELAY/,
    );
    expect(new UnifiedRetryHandler('x', {}, { env: { RETRY_MAX_ATTEMPTS: '' } }).config.maxAttempts).toBe(3);
  });

  it('apply to retryOnException per call, as the legacy decorators built a handler per call', async () => {
    const environment: Record<string, string> = {};
    const wrapped = retryOnException({ maxAttempts: 2, baseDelay: 0.01, env: environment })(
      failingTimes(env.clock, 9, 1).op,
    );
    await settled(wrapped()).catch(() => undefined);
    environment.RETRY_MAX_ATTEMPTS = '4';
    const counted = failingTimes(env.clock, 9, 1);
    const again = retryOnException({ maxAttempts: 2, baseDelay: 0.01, env: environment })(counted.op);
    await settled(again()).catch(() => undefined);
    expect(counted.times).toHaveLength(4);
  });
});

describe('legacy domain decorators and convenience functions', () => {
  it('use their policy on the instance of their domain, copied only when overridden', async () => {
    const wrapped = databaseRetry({ maxAttempts: 3, env: {} })(
      failingTimes(env.clock, 1, 'row', () => systemError('ECONNRESET')).op,
    );
    expect(await settled(wrapped())).toBe('row');
    expect(env.manager.find('database')?.config.retry).toMatchObject({
      maxAttempts: 3,
      baseDelayMs: 500,
      totalTimeoutMs: 60_000,
    });
    const agentOp = failingTimes(env.clock, 9, 0, () => new Error('runtime'));
    await settled(agentRetry({ env: {} })(agentOp.op)()).catch(() => undefined);
    expect(gaps(agentOp.times)).toEqual([1000, 2000]); // AGENT: 3 attempts, 1 s x2, no jitter
  });

  it('the convenience functions run func() with the legacy defaults (retryFileOperation: 3 attempts from 0.2 s, x1.5)', async () => {
    const file = failingTimes(env.clock, 9, 0, () => systemError('EBUSY'));
    const error = await settled(retryFileOperation(file.op, 3, 0.2, NO_ENV)).catch((e: unknown) => e);
    expect(file.times).toHaveLength(3);
    expect(gaps(file.times)).toEqual([200, 300]);
    expect(error).toBe(file.errors[2]);
    expect(await settled(retryHttpRequest(() => 'ok', 3, 1, NO_ENV))).toBe('ok');
  });
});

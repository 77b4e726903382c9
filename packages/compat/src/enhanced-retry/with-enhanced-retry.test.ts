import { CircuitOpenError, isRelError } from '@rel/config';
import { seededRandom, sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, useFakeDefaultManager } from '../../test/fixtures.js';
import { APISpecificRetryStrategy } from './api-specific-retry-strategy.js';
import { CircuitBreakerRetryStrategy } from './circuit-breaker-retry-strategy.js';
import { RetryStrategy } from './retry-strategy.js';
import { withEnhancedRetry } from './with-enhanced-retry.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

async function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  return settled;
}

const overloaded = (n: number): Error => new Error(`529 overloaded (${n})`);

describe('withEnhancedRetry', () => {
  it('waits calculateDelay(attempt) between attempts: the same seeded numbers as the strategy itself', async () => {
    const strategy = new RetryStrategy({ maxAttempts: 4, baseDelay: 1, random: seededRandom(7) });
    const twin = new RetryStrategy({ maxAttempts: 4, baseDelay: 1, random: seededRandom(7) });
    const expected = [1, 2, 3].map((a) => twin.calculateDelay(a) * 1000);
    const { op, times } = failingTimes(env.clock, 3, 'done', overloaded);
    const call = withEnhancedRetry(strategy)(op);
    expect(await outcome(call())).toEqual({ value: 'done' });
    // The fake clock fires timers on whole milliseconds.
    gaps(times).forEach((gap, i) => expect(Math.abs(gap - expected[i]!)).toBeLessThanOrEqual(1));
  });

  it('rethrows a refused error at once and the last error after the last attempt', async () => {
    const wrapped = withEnhancedRetry(new APISpecificRetryStrategy('standard', { baseDelay: 0.1 }));
    const refused = failingTimes(env.clock, 9, 0, (n) => new Error(`401 unauthorized ${n}`));
    const r1 = await outcome(wrapped(refused.op)());
    expect(refused.times).toHaveLength(1);
    expect(r1.error).toBe(refused.errors[0]);
    const exhausted = failingTimes(env.clock, 9, 0, overloaded);
    const r2 = await outcome(wrapped(exhausted.op)());
    expect(exhausted.times).toHaveLength(3);
    expect(r2.error).toBe(exhausted.errors[2]);
  });

  it('passes arguments through, keeps the function name, and defaults to RetryStrategy() (5 attempts)', async () => {
    let calls = 0;
    async function complete(prompt: string, n: number): Promise<string> {
      calls++;
      await Promise.resolve();
      if (calls < 5) throw new Error('timeout');
      return `${prompt}:${n}`;
    }
    const wrapped = withEnhancedRetry()(complete);
    expect(wrapped.name).toBe('complete');
    expect(await outcome(wrapped('hi', 2))).toEqual({ value: 'hi:2' });
    expect(calls).toBe(5);
  });

  it('really delegates: the calls are in the default manager (health and retry events)', async () => {
    const retries: number[] = [];
    const wrapped = withEnhancedRetry(
      new RetryStrategy({ maxAttempts: 3, baseDelay: 0.1, random: sequenceRandom([0.5]) }),
    );
    const fn = failingTimes(env.clock, 1, 'ok', overloaded).op;
    const call = wrapped(fn);
    const instance = env.manager.find('llm_enhanced_retry');
    expect(instance).toBeUndefined(); // nothing is created before the first call
    const settled = outcome(call());
    const created = env.manager.find('llm_enhanced_retry')!;
    created.retry.onRetry((e) => retries.push(e.delayMs));
    expect(await settled).toEqual({ value: 'ok' });
    expect(retries).toEqual([100]);
    const health = created.health.snapshot();
    expect(health.totals).toMatchObject({ success: 1, transient: 1 });
  });
});

describe('CircuitBreakerRetryStrategy', () => {
  it('opens llm_retry_circuit after 5 failed attempts, refuses with the legacy message, and recovers after 30 s', async () => {
    const guarded = new CircuitBreakerRetryStrategy(
      new RetryStrategy({ maxAttempts: 3, baseDelay: 0.1, random: () => 0.5 }),
    );
    expect(guarded.circuitBreaker.name).toBe('llm_retry_circuit');
    expect(guarded.isCircuitOpen()).toBe(false);

    const first = failingTimes(env.clock, 9, 0, overloaded);
    const r1 = await outcome(guarded.executeWithRetry(first.op));
    expect(first.times).toHaveLength(3);
    expect(r1.error).toBe(first.errors[2]);

    const second = failingTimes(env.clock, 9, 0, overloaded);
    await outcome(guarded.executeWithRetry(second.op));
    // The breaker is checked before every attempt: the 5th failure opened it mid-call.
    expect(second.times).toHaveLength(2);
    expect(guarded.isCircuitOpen()).toBe(true);

    let ran = false;
    const r3 = await outcome(guarded.executeWithRetry(() => (ran = true)));
    expect(ran).toBe(false);
    expect(r3.error).toBeInstanceOf(CircuitOpenError);
    expect((r3.error as Error).message).toBe('Circuit breaker is open');
    expect(isRelError(r3.error, 'REL_CIRCUIT_OPEN')).toBe(true);
    expect((r3.error as CircuitOpenError).circuit).toBe('llm_retry_circuit');

    const status = guarded.getCircuitStatus();
    expect(status).toMatchObject({
      name: 'llm_retry_circuit',
      state: 'open',
      is_healthy: false,
      failure_threshold: 5,
      recovery_timeout: 30,
      failed_calls: 5,
      rejected_calls: 1,
    });

    await env.clock.advance(30_000);
    const r4 = await outcome(guarded.executeWithRetry((x: number) => Promise.resolve(x * 2), 21));
    expect(r4).toEqual({ value: 42 });
    expect(guarded.isCircuitOpen()).toBe(false);
    expect(guarded.getCircuitStatus().state).toBe('closed');
  });

  it("shows the breaker state in the default manager's health", async () => {
    const guarded = new CircuitBreakerRetryStrategy(new RetryStrategy({ maxAttempts: 5, baseDelay: 0.01 }));
    await outcome(guarded.executeWithRetry(failingTimes(env.clock, 9, 0, overloaded).op));
    const check = env.manager.systemHealth().services.find((s) => s.service === 'llm_retry_circuit');
    expect(check?.trackers[0]?.breakerState).toBe('open');
    expect(JSON.stringify(env.manager.health())).toContain('llm_retry_circuit');
  });
});

import { isRelError, RelConfigError } from '@rel/config';
import type { RetryEvent } from '@rel/retry';
import { seededRandom, sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failingTimes, gaps, systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import type { DeprecationCode } from '../deprecation/registry.js';
import { resetDeprecationsForTests } from '../deprecation/usage.js';
import { hasWarned } from '../deprecation/warn-once.js';
import { resilienceDelay, type ResilienceDelayInput } from './resilience-delay.js';
import { RetryConfig } from './retry-config.js';
import { RetryExhaustedException } from './retry-exhausted-exception.js';
import { RetryPresets } from './retry-presets.js';
import { UnifiedRetryManager } from './unified-retry-manager.js';

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

const base: ResilienceDelayInput = {
  strategy: 'exponential',
  jitter: 'none',
  baseDelay: 1,
  maxDelay: 60,
  multiplier: 2,
};
const delays = (c: Partial<ResilienceDelayInput>, ns: number[], random = sequenceRandom([0.5])): number[] =>
  ns.map((n) => resilienceDelay({ ...base, ...c }, n, random));

describe('the §2.9 delay formula', () => {
  it('has the legacy raw delays per strategy, capped at the max', () => {
    expect(delays({}, [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(delays({ strategy: 'linear', baseDelay: 0.5 }, [1, 2, 3])).toEqual([0.5, 1, 1.5]);
    expect(delays({ strategy: 'fixed', baseDelay: 0.1 }, [1, 5])).toEqual([0.1, 0.1]);
    expect(delays({ multiplier: 2.5, baseDelay: 2, maxDelay: 120 }, [1, 2, 3, 4])).toEqual([
      2, 5, 12.5, 31.25,
    ]);
    // random: U(base, max)
    expect(
      delays({ strategy: 'random', baseDelay: 1, maxDelay: 11 }, [1, 2], sequenceRandom([0, 0.5])),
    ).toEqual([1, 6]);
  });

  it('applies the jitter after the strategy and before the cap: full U(0,d), equal ±10 %, decorrelated U(base, 3d)', () => {
    expect(delays({ jitter: 'full' }, [3], sequenceRandom([0.25]))).toEqual([1]);
    expect(delays({ jitter: 'equal' }, [3], sequenceRandom([0]))).toEqual([3.6]);
    expect(delays({ jitter: 'equal' }, [3], sequenceRandom([0.5]))).toEqual([4]);
    expect(delays({ jitter: 'equal' }, [3], sequenceRandom([0.75]))[0]).toBeCloseTo(4.2, 12);
    expect(delays({ jitter: 'decorrelated', baseDelay: 2 }, [2], sequenceRandom([0.5]))).toEqual([7]);
    // the cap comes last: 60 s ± 10 % never exceeds 60
    expect(delays({ jitter: 'equal' }, [7], sequenceRandom([0.999]))).toEqual([60]);
    expect(delays({ jitter: 'equal' }, [7], sequenceRandom([0]))).toEqual([57.6]);
  });

  it('stays within [0, max] for any draw (seeded sweep)', () => {
    const random = seededRandom(42);
    for (const strategy of ['fixed', 'linear', 'exponential', 'random'] as const)
      for (const jitter of ['none', 'full', 'equal', 'decorrelated'] as const)
        for (let n = 1; n <= 10; n++) {
          const d = resilienceDelay({ ...base, strategy, jitter, maxDelay: 30 }, n, random);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(30);
        }
  });
});

describe('RetryConfig (resilience)', () => {
  it('has the legacy defaults and reads snake_case or camelCase', () => {
    expect({ ...new RetryConfig() }).toEqual({
      maxAttempts: 3,
      baseDelaySeconds: 1,
      maxDelaySeconds: 60,
      backoffStrategy: 'exponential',
      backoffMultiplier: 2,
      jitterType: 'equal',
      enabled: true,
      retryOnExceptions: null,
    });
    const snake = new RetryConfig({ max_attempts: 5, base_delay_seconds: 0.5, backoff_strategy: 'LINEAR' });
    const camel = new RetryConfig({ maxAttempts: 5, baseDelaySeconds: 0.5, backoffStrategy: 'linear' });
    expect({ ...snake }).toEqual({ ...camel });
    expect(Object.isFrozen(snake)).toBe(true);
    expect(snake.copy({ jitter_type: 'none' })).toMatchObject({ maxAttempts: 5, jitterType: 'none' });
    expect(snake.jitterType).toBe('equal');
  });

  it('names unknown keys, fields of other configs and strategies it does not have', () => {
    expect(() => new RetryConfig({ max_atempts: 2 } as never)).toThrow(/did you mean "max_attempts"/);
    expect(() => new RetryConfig({ jitter_range: 0.2 } as never)).toThrow(
      /a field of the resilience RetryConfig/,
    );
    expect(() => new RetryConfig({ backoff_strategy: 'fibonacci' as never })).toThrow(
      /"linear" \| "exponential" \| "fixed" \| "random"/,
    );
    expect(() => new RetryConfig({ retry_on_exceptions: [42 as never] })).toThrow(RelConfigError);
  });

  it('converts to a canonical config with the legacy formula (toCanonical)', () => {
    const c = new RetryConfig({
      max_attempts: 4,
      base_delay_seconds: 0.5,
      jitter_type: 'none',
    }).toCanonical();
    expect(c.config.maxAttempts).toBe(4);
    expect(c.config.baseDelayMs).toBe(500);
    expect(c.notes.some((n) => n.canonical === 'backoff' && n.value === 'custom')).toBe(true);
    expect(new RetryConfig({ enabled: false }).toCanonical().config.maxAttempts).toBe(1);
  });
});

describe('RetryPresets', () => {
  it('have the legacy numbers, a new config per call', () => {
    const pick = (c: RetryConfig) => ({ ...c, retryOnExceptions: undefined });
    expect(pick(RetryPresets.createApiRetry())).toMatchObject({
      maxAttempts: 3,
      baseDelaySeconds: 1,
      maxDelaySeconds: 30,
      backoffStrategy: 'exponential',
      backoffMultiplier: 2,
      jitterType: 'equal',
      enabled: true,
    });
    expect(pick(RetryPresets.createDatabaseRetry())).toMatchObject({
      maxAttempts: 2,
      baseDelaySeconds: 0.5,
      maxDelaySeconds: 5,
      backoffStrategy: 'linear',
      backoffMultiplier: 1.5,
      jitterType: 'full',
    });
    expect(pick(RetryPresets.createLlmRetry())).toMatchObject({
      maxAttempts: 3,
      baseDelaySeconds: 2,
      maxDelaySeconds: 120,
      backoffStrategy: 'exponential',
      backoffMultiplier: 2.5,
      jitterType: 'decorrelated',
    });
    expect(pick(RetryPresets.createQuickRetry())).toMatchObject({
      maxAttempts: 2,
      baseDelaySeconds: 0.1,
      maxDelaySeconds: 1,
      backoffStrategy: 'fixed',
      backoffMultiplier: 2,
      jitterType: 'none',
    });
    expect(pick(RetryPresets.createNoRetry())).toMatchObject({ maxAttempts: 1, enabled: false });
    expect(RetryPresets.createApiRetry()).not.toBe(RetryPresets.createApiRetry());
  });
});

describe('UnifiedRetryManager', () => {
  it('waits the legacy delays on the default manager clock and resolves to the value', async () => {
    const manager = new UnifiedRetryManager({ max_attempts: 4, jitter_type: 'none' });
    const { op, times } = failingTimes(env.clock, 3, 'ok');
    expect(await outcome(manager.executeWithRetry(op))).toEqual({ value: 'ok' });
    expect(gaps(times)).toEqual([1000, 2000, 4000]);
  });

  it('draws the ±10 % (EQUAL) jitter from the injected random source', async () => {
    const manager = new UnifiedRetryManager(
      { max_attempts: 3, base_delay_seconds: 1 },
      { random: sequenceRandom([0, 1 - 2 ** -53]), service: 'equal_jitter' },
    );
    const { op, times } = failingTimes(env.clock, 2, 'ok');
    await outcome(manager.executeWithRetry(op));
    expect(gaps(times)).toEqual([900, 2200]);
  });

  it('runs sync and async functions with their arguments', async () => {
    const manager = new UnifiedRetryManager(RetryPresets.createQuickRetry());
    expect(await outcome(manager.executeWithRetry((a: number, b: number) => a + b, 2, 3))).toEqual({
      value: 5,
    });
    expect(
      await outcome(manager.executeWithRetry(async (s: string) => Promise.resolve(s.toUpperCase()), 'x')),
    ).toEqual({ value: 'X' });
  });

  it('throws RetryExhaustedException(attempts, lastException) after the last attempt', async () => {
    const manager = new UnifiedRetryManager(RetryPresets.createQuickRetry());
    const { op, times, errors } = failingTimes(env.clock, 9, 0);
    const { error } = await outcome(manager.executeWithRetry(op));
    expect(times).toHaveLength(2);
    expect(gaps(times)).toEqual([100]);
    expect(error).toBeInstanceOf(RetryExhaustedException);
    const e = error as RetryExhaustedException;
    expect(e).toMatchObject({ name: 'RetryExhaustedException', attempts: 2, lastException: errors[1] });
    expect(e.message).toBe('All 2 retry attempts exhausted. Last error: failure 2');
    expect(e.cause).toBe(errors[1]);
    expect(isRelError(e, 'REL_RETRY_EXHAUSTED')).toBe(true);
  });

  it('enabled: false runs once and throws the function’s own error', async () => {
    const manager = new UnifiedRetryManager(RetryPresets.createNoRetry());
    const { op, times, errors } = failingTimes(env.clock, 9, 0);
    expect(await outcome(manager.executeWithRetry(op))).toEqual({ error: errors[0] });
    expect(times).toHaveLength(1);
    const three = new UnifiedRetryManager({ max_attempts: 3, enabled: false }, { service: 'disabled' });
    const again = failingTimes(env.clock, 9, 0);
    await outcome(three.executeWithRetry(again.op));
    expect(again.times).toHaveLength(1);
  });

  it('throws an error outside retry_on_exceptions at once, as is; retries the ones inside', async () => {
    const manager = new UnifiedRetryManager({
      max_attempts: 3,
      jitter_type: 'none',
      retry_on_exceptions: ['ConnectionError'],
    });
    const other = failingTimes(env.clock, 9, 0, () => new RangeError('bad input'));
    expect(await outcome(manager.executeWithRetry(other.op))).toEqual({ error: other.errors[0] });
    expect(other.times).toHaveLength(1);
    const conn = failingTimes(env.clock, 2, 'ok', () => systemError('ECONNRESET'));
    expect(await outcome(manager.executeWithRetry(conn.op))).toEqual({ value: 'ok' });
    expect(conn.times).toHaveLength(3);
    // an empty set meant "everything" (legacy truthiness test)
    const all = new UnifiedRetryManager(
      { max_attempts: 2, jitter_type: 'none', retry_on_exceptions: [] },
      { service: 'all' },
    );
    const any = failingTimes(env.clock, 1, 'ok', () => new TypeError('any'));
    expect(await outcome(all.executeWithRetry(any.op))).toEqual({ value: 'ok' });
  });

  it('updateConfig replaces the configuration', async () => {
    const manager = new UnifiedRetryManager(RetryPresets.createQuickRetry());
    manager.updateConfig({
      max_attempts: 3,
      base_delay_seconds: 0.2,
      backoff_strategy: 'linear',
      jitter_type: 'none',
    });
    expect(manager.config.maxAttempts).toBe(3);
    const { op, times } = failingTimes(env.clock, 9, 0);
    await outcome(manager.executeWithRetry(op));
    expect(gaps(times)).toEqual([200, 400]);
    expect(manager.toCanonical().config.maxAttempts).toBe(3);
  });

  it('rejects a non-function with a RelConfigError', async () => {
    const manager = new UnifiedRetryManager();
    await expect(manager.executeWithRetry(42 as never)).rejects.toThrow(/func: received 42/);
  });

  it('delegates: its retries are canonical retry events and its calls are in canonical health', async () => {
    const manager = new UnifiedRetryManager({ jitter_type: 'none' }, { service: 'legacy_resilience' });
    await outcome(manager.executeWithRetry(() => 'warm-up'));
    const instance = env.manager.find('legacy_resilience')!;
    expect(manager.instance).toBe(instance);
    const retries: RetryEvent[] = [];
    const sub = instance.retry.onRetry((e) => retries.push(e));
    await outcome(manager.executeWithRetry(failingTimes(env.clock, 1, 'ok').op));
    sub.dispose();
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ service: 'legacy_resilience', attempt: 1, delayMs: 1000 });
    expect(instance.health.snapshot().totals).toMatchObject({ success: 2, transient: 1 });
    expect(env.manager.health().checks).toHaveProperty(['legacy_resilience:health']);
  });
});

describe('importing', () => {
  it('the resilience, async-retry-logic and retry-policy entry points warns and registers nothing', async () => {
    resetDeprecationsForTests();
    vi.resetModules();
    const mod = await import('./index.js');
    await import('../async-retry-logic/index.js');
    await import('../retry-policy/index.js');
    expect(typeof mod.RetryPresets.createApiRetry).toBe('function');
    const mine: DeprecationCode[] = [
      'REL_DEP063',
      'REL_DEP064',
      'REL_DEP065',
      'REL_DEP066',
      'REL_DEP067',
      'REL_DEP068',
      'REL_DEP081',
      'REL_DEP082',
      'REL_DEP046',
    ];
    expect(mine.filter((c) => hasWarned(c))).toEqual([]);
    expect(env.manager.names()).toEqual([]);
    expect(mod.BackoffStrategy.RANDOM).toBe('random');
    expect(hasWarned('REL_DEP065')).toBe(true);
  });
});

import { sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, useFakeDefaultManager } from '../../test/fixtures.js';
import { ReliabilityRetryConfig } from './reliability-retry-config.js';
import { RetryHandler } from './retry-handler.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

async function settle<T>(promise: Promise<T>): Promise<T> {
  const caught = promise.catch(() => undefined);
  await env.clock.runAll();
  await caught;
  return promise;
}

describe('ReliabilityRetryConfig', () => {
  it('defaults exponentialBase to 2.0 and keeps the base config as given', () => {
    const base = { max_retries: 2, base_delay: 0.5 };
    const config = new ReliabilityRetryConfig({ baseConfig: base });
    expect(config.exponentialBase).toBe(2);
    expect(config.baseConfig).toBe(base);
  });

  it('fromRetryConfig accepts both shared eras and snake_case', () => {
    const eraA = ReliabilityRetryConfig.fromRetryConfig({
      max_retries: 4,
      base_delay: 0.2,
      max_delay: 30,
      jitter: false,
      backoff_factor: 3,
    });
    expect(eraA.toCanonical().config).toMatchObject({ maxAttempts: 5, baseDelayMs: 200, jitter: 'none' });
    const eraB = ReliabilityRetryConfig.fromRetryConfig({
      max_attempts: 2,
      base_delay_seconds: 1.5,
      max_delay_seconds: 10,
      jitter_type: 'none',
    });
    expect(eraB.toCanonical().legacy).toMatchObject({ maxAttempts: 2, baseDelay: 1.5, maxDelay: 10 });
    expect(eraB.toCanonical().notes.find((n) => n.legacy === 'max_attempts')?.detail).toBe(
      '2 attempts in total (the first included)',
    );
  });

  it('takes exponential_base from the config, and the argument over it', () => {
    expect(ReliabilityRetryConfig.fromRetryConfig({ exponential_base: 3 }).exponentialBase).toBe(3);
    expect(
      new ReliabilityRetryConfig({ base_config: { exponential_base: 3 }, exponential_base: 4 })
        .exponentialBase,
    ).toBe(4);
  });

  it('names bad input', () => {
    expect(() => new ReliabilityRetryConfig({ baseConfig: { max_retires: 2 } as never })).toThrow(
      /did you mean "max_retries"/,
    );
    expect(() => new ReliabilityRetryConfig({ exponentialBase: 0.5 })).toThrow(
      /exponentialBase: received 0.5/,
    );
  });
});

describe('RetryHandler (the intended behaviour; the legacy one crashed on its first retry)', () => {
  it('runs max_retries + 1 attempts with min(base·exponentialBase^a, max) between them, then throws the last error', async () => {
    const config = new ReliabilityRetryConfig({
      baseConfig: { max_retries: 3, base_delay: 1, max_delay: 5, jitter: false },
      exponentialBase: 3,
    });
    const { op, times, errors } = failingTimes(env.clock, 10);
    const handler = new RetryHandler(config);
    const error = await settle(handler.executeWithRetry(op, 'load')).catch((e: unknown) => e);
    expect(times).toHaveLength(4);
    expect(error).toBe(errors[3]);
    expect(gaps(times)).toEqual([1000, 3000, 5000]);
  });

  it('adds up to 25 % jitter after the cap', async () => {
    const handler = new RetryHandler(
      { max_retries: 2, base_delay: 2, max_delay: 3, jitter: true },
      { random: sequenceRandom([0.5, 1 - 2 ** -53]) },
    );
    const { op, times } = failingTimes(env.clock, 2, 'ok');
    await expect(settle(handler.executeWithRetry(op))).resolves.toBe('ok');
    // a = 0: 2 s + 2·0.25·0.5; a = 1: min(4, 3) = 3 s + 3·0.25·(almost 1): 3.75 s, never more
    expect(gaps(times)[0]).toBe(2250);
    expect(gaps(times)[1]).toBeGreaterThan(3749);
    expect(gaps(times)[1]).toBeLessThanOrEqual(3750);
  });

  it('throws at once what the error classifier rejects', async () => {
    const handler = new RetryHandler({ max_retries: 5, base_delay: 0.1, jitter: false });
    const { op, times, errors } = failingTimes(env.clock, 10);
    const error = await settle(handler.executeWithRetry(op, 'op', () => false)).catch((e: unknown) => e);
    expect(times).toHaveLength(1);
    expect(error).toBe(errors[0]);
    // A classifier that throws cannot vouch for a retry either.
    const second = failingTimes(env.clock, 10);
    const thrown = await settle(
      handler.executeWithRetry(second.op, 'op', () => {
        throw new Error('classifier bug');
      }),
    ).catch((e: unknown) => e);
    expect(second.times).toHaveLength(1);
    expect(thrown).toBe(second.errors[0]);
  });

  it('retries every error without a classifier (TypeError included, as legacy)', async () => {
    const handler = new RetryHandler({ max_retries: 1, base_delay: 0.1, jitter: false });
    let calls = 0;
    const op = (): number => {
      calls++;
      if (calls === 1) throw new TypeError('first call breaks');
      return 7;
    };
    await expect(settle(handler.executeWithRetry(op))).resolves.toBe(7);
    expect(calls).toBe(2);
  });

  it('uses the Era A defaults: 3 retries, 1 s, cap 300 s, jitter on', () => {
    const legacy = new RetryHandler({}).toCanonical().legacy;
    expect(legacy).toMatchObject({ maxAttempts: 4, baseDelay: 1, maxDelay: 300, multiplier: 2 });
    expect(new RetryHandler({}).toCanonical().config.maxDelayMs).toBe(375_000);
  });
});

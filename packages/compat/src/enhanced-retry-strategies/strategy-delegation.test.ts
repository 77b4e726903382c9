import type { RetryEvent } from '@rel/retry';
import { sequenceRandom } from '@rel/test-utils';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { resetDeprecationsForTests } from '../deprecation/usage.js';
import { ApiRetryStrategy } from './api-retry-strategy.js';
import { DatabaseRetryStrategy } from './database-retry-strategy.js';
import { DEFAULT_RETRY_CONFIGS } from './default-retry-configs.js';
import { EnhancedRetryStrategy } from './enhanced-retry-strategy.js';
import { exponentialBackoffRetry } from './exponential-backoff-retry.js';
import { OperationType } from './operation-type.js';
import type { RecoveryContext } from './recovery-context.js';
import { retryManager } from './retry-strategy-manager.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  // The canonical jitters draw on the manager's random source: 0.5 every time.
  env = useFakeDefaultManager(() => 0.5);
});
afterEach(() => env.restore());
afterAll(() => resetDeprecationsForTests());

async function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  return settled;
}

const reset = (n: number): Error => systemError('ECONNRESET', `connection reset ${n}`);

describe('executeWithRetry delegates to the default manager of @rel/core', () => {
  it('records retries as canonical retry events and calls in canonical health', async () => {
    const strategy = retryManager.getStrategy(OperationType.DATABASE_READ, 'delegation');
    await outcome(strategy.executeWithRetry(() => 'warm-up'));
    const instance = env.manager.find('retry_strategy_database_read');
    expect(instance).toBeDefined();
    const retries: RetryEvent[] = [];
    const sub = instance!.retry.onRetry((e) => retries.push(e));
    const { op } = failingTimes(env.clock, 2, 'rows', reset);
    expect(await outcome(strategy.executeWithRetry(op, { operation_id: 'load_orders' }))).toEqual({
      value: 'rows',
    });
    sub.dispose();
    expect(retries.map((e) => [e.service, e.attempt, e.kind])).toEqual([
      ['retry_strategy_database_read', 1, 'transient'],
      ['retry_strategy_database_read', 2, 'transient'],
    ]);
    const totals = instance!.health.snapshot().totals;
    expect(totals.success).toBe(2);
    expect(totals.transient).toBe(2);
    expect(env.manager.health().checks).toHaveProperty(['retry_strategy_database_read:health']);
  });

  it('waits the legacy delays: database_read is exponential x2 from 0.1 s with equal jitter', async () => {
    const strategy = new DatabaseRetryStrategy(DEFAULT_RETRY_CONFIGS.database_read, { random: () => 0.5 });
    const expected = [0, 1, 2].map((rc) => strategy.getRetryDelay(rc) * 1000); // 75, 150, 300
    const { op, times } = failingTimes(env.clock, 3, 'ok', reset);
    expect(await outcome(strategy.executeWithRetry(op))).toEqual({ value: 'ok' });
    expect(expected.map((ms) => Math.round(ms))).toEqual([75, 150, 300]);
    gaps(times).forEach((gap, i) => expect(Math.abs(gap - expected[i]!)).toBeLessThanOrEqual(1));
  });

  it('runs the legacy DECORRELATED formula with the strategy random source', async () => {
    const values = [0.1, 0.9, 0.3, 0.7];
    const strategy = new ApiRetryStrategy(DEFAULT_RETRY_CONFIGS.external_api, {
      random: sequenceRandom(values),
    });
    const twin = new ApiRetryStrategy(DEFAULT_RETRY_CONFIGS.external_api, { random: sequenceRandom(values) });
    const expected = [0, 1, 2, 3].map((rc) => twin.getRetryDelay(rc) * 1000);
    const { op, times, errors } = failingTimes(env.clock, 9, 'ok', (n) =>
      Object.assign(new Error(`upstream ${n}`), { status: 503 }),
    );
    const r = await outcome(strategy.executeWithRetry(op, { operation_id: 'charge' }));
    expect(times).toHaveLength(5); // max_retries 4 + the first attempt
    expect(r.error).toBe(errors[4]);
    gaps(times).forEach((gap, i) => expect(Math.abs(gap - expected[i]!)).toBeLessThanOrEqual(1));
    expect(strategy.toCanonical().config.maxAttempts).toBe(5);
  });

  it('asks shouldRetry about every failure, with the retry count, severity and status code', async () => {
    const seen: RecoveryContext[] = [];
    class Recording extends EnhancedRetryStrategy {
      shouldRetry(context: RecoveryContext): boolean {
        seen.push(context);
        return context.retryCount < 1;
      }
    }
    const s = new Recording(
      { max_retries: 5, base_delay: 0.01, jitter_type: 'none' },
      { service: 'recording' },
    );
    const { op, times, errors } = failingTimes(env.clock, 9, 'ok', (n) =>
      Object.assign(new Error(`e${n}`), { statusCode: 502 }),
    );
    const r = await outcome(
      s.executeWithRetry(op, { operation_id: 'op-1', severity: () => 'high', metadata: { region: 'eu' } }),
    );
    expect(times).toHaveLength(2);
    expect(r.error).toBe(errors[1]);
    expect(seen.map((c) => [c.operationId, c.retryCount, c.maxRetries, c.severity, c.metadata])).toEqual([
      ['op-1', 0, 5, 'high', { region: 'eu', status_code: 502 }],
      ['op-1', 1, 5, 'high', { region: 'eu', status_code: 502 }],
    ]);
    expect(env.manager.find('recording')!.health.snapshot().totals.transient).toBe(1);
  });

  it('stops at once when the strategy refuses (a constraint violation), with the operation own error', async () => {
    const s = new DatabaseRetryStrategy({ max_retries: 3, base_delay: 0.01 });
    const { op, times, errors } = failingTimes(
      env.clock,
      9,
      'ok',
      () => new Error('unique constraint violated'),
    );
    const r = await outcome(s.executeWithRetry(op));
    expect(times).toHaveLength(1);
    expect(r.error).toBe(errors[0]);
  });
});

describe('exponentialBackoffRetry', () => {
  it('calls the source again for every attempt and yields the first item', async () => {
    let calls = 0;
    const times: number[] = [];
    async function* pages(): AsyncGenerator<string> {
      calls++;
      times.push(env.clock.now());
      await Promise.resolve();
      if (calls < 3) throw reset(calls);
      yield 'page-1';
      yield 'page-2';
    }
    const items: string[] = [];
    const run = (async () => {
      for await (const item of exponentialBackoffRetry(pages, { max_retries: 2, base_delay: 0.5 }))
        items.push(item);
    })();
    await outcome(run);
    expect(items).toEqual(['page-1']);
    expect(calls).toBe(3);
    expect(gaps(times)).toEqual([500, 1000]); // 0.5 s, then 1 s: x2, no jitter
    const instance = env.manager.find('retry_strategy_executor')!;
    expect(instance.health.snapshot().totals).toMatchObject({ success: 1, transient: 2 });
  });

  it('gives up after max_retries + 1 attempts with the last error; respects the classifier', async () => {
    let calls = 0;
    const failing = (): AsyncIterable<number> => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(reset(++calls)) }),
    });
    const r = await outcome(exponentialBackoffRetry(failing, { max_retries: 1, base_delay: 0.1 }).next());
    expect(calls).toBe(2);
    expect((r.error as Error).message).toBe('connection reset 2');
    calls = 0;
    await outcome(exponentialBackoffRetry(failing, { max_retries: 3 }, undefined, () => false).next());
    expect(calls).toBe(1);
    calls = 0;
    await outcome(exponentialBackoffRetry(failing, { max_retries: 3 }, ['TypeError']).next());
    expect(calls).toBe(1);
  });

  it('tries one generator object once (it cannot be restarted) and yields nothing for an empty source', async () => {
    let calls = 0;
    async function* once(): AsyncGenerator<number> {
      calls++;
      await Promise.resolve();
      if (calls > 0) throw reset(1);
      yield 1;
    }
    const r = await outcome(exponentialBackoffRetry(once(), { max_retries: 3 }).next());
    expect(calls).toBe(1);
    expect((r.error as Error).message).toBe('connection reset 1');
    expect(await outcome(exponentialBackoffRetry(() => [], {}).next())).toEqual({
      value: { done: true, value: undefined },
    });
    expect(() => exponentialBackoffRetry(42 as never, {})).toThrow(/async_generator_func/);
  });
});

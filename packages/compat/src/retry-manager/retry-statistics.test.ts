import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFakeDefaultManager } from '../../test/fixtures.js';
import { RetryManager } from './retry-manager.js';
import { MAX_OPERATION_RECORDS, OperationLog } from './retry-statistics.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

async function settle<T>(p: Promise<T>): Promise<T> {
  await env.clock.runAll();
  return p;
}

/** Runs calls that succeed after `failures` failures each. */
async function calls(
  manager: RetryManager,
  pattern: readonly number[],
  error = () => new Error('flaky'),
): Promise<void> {
  for (const failures of pattern) {
    let n = 0;
    await settle(
      manager.executeWithRetry(() => {
        n++;
        return n <= failures ? Promise.reject(error()) : Promise.resolve(n);
      }, `op${failures}`),
    );
  }
}

describe('RetryManager statistics (legacy keys)', () => {
  it('summarise the calls of the period', async () => {
    const manager = new RetryManager({ maxAttempts: 3, baseDelay: 0.1, backoffStrategy: 'fixed' });
    expect(manager.getRetryStatistics()).toEqual({
      time_period_hours: 24,
      total_operations: 0,
      summary: 'No retry operations in this period',
    });
    await calls(manager, [0, 1, 5, 0]);
    const stats = manager.getRetryStatistics();
    expect(stats).toMatchObject({
      time_period_hours: 24,
      total_operations: 4,
      successful_operations: 3,
      failed_operations: 1,
      success_rate: 0.75,
      retry_rate: 0.5,
      average_attempts: (1 + 2 + 3 + 1) / 4,
      common_error_types: { Error: 1 },
      backoff_strategy: 'fixed',
      configuration: { max_attempts: 3, base_delay: 0.1, max_delay: 60 },
    });
    expect('average_duration_seconds' in stats && stats.average_duration_seconds).toBeCloseTo(
      (0.1 + 0.2) / 4,
      9,
    );
  });

  it('only count the last `hours`', async () => {
    const manager = new RetryManager({ baseDelay: 0 });
    await calls(manager, [0]);
    await env.clock.advance(2 * 3_600_000);
    await calls(manager, [0, 0]);
    expect(manager.getRetryStatistics(1).total_operations).toBe(2);
    expect(manager.getRetryStatistics(3).total_operations).toBe(3);
  });

  it('keep the last 1000 calls', () => {
    const log = new OperationLog();
    for (let i = 0; i < MAX_OPERATION_RECORDS + 5; i++) {
      log.record({
        operationName: `op${i}`,
        at: i,
        success: true,
        attempts: 1,
        totalDuration: 0,
        errorType: null,
        backoffStrategy: 'fixed',
      });
    }
    expect(log.size).toBe(1000);
    const kept = log.since(0);
    expect(kept[0]!.operationName).toBe('op5');
    expect(kept.at(-1)!.operationName).toBe('op1004');
  });
});

describe('RetryManager.getHealthStatus (last hour)', () => {
  it('is healthy without calls, degraded under 0.8 success, warning above 0.5 retries', async () => {
    expect(new RetryManager().getHealthStatus()).toMatchObject({ status: 'healthy', issues: [] });
    const degraded = new RetryManager({ maxAttempts: 2, baseDelay: 0 });
    await calls(degraded, [0, 0, 0, 9, 9]);
    expect(degraded.getHealthStatus()).toMatchObject({
      status: 'degraded',
      issues: ['Low success rate: 60.0%'],
    });
    const warning = new RetryManager({ maxAttempts: 3, baseDelay: 0 });
    await calls(warning, [1, 1, 0]);
    const health = warning.getHealthStatus();
    expect(health).toMatchObject({ status: 'warning', issues: ['High retry rate: 66.7%'] });
    expect(health.timestamp).toBe(new Date(env.clock.now()).toISOString());
  });
});

describe('RetryManager.updateConfiguration', () => {
  it('changes later calls, in either spelling, and rejects bad values without changing anything', () => {
    const manager = new RetryManager({ maxAttempts: 2, baseDelay: 1 });
    manager.updateConfiguration({ max_attempts: 4, backoffStrategy: 'linear' });
    expect([manager.maxAttempts, manager.backoffStrategy, manager.baseDelay]).toEqual([4, 'linear', 1]);
    expect(() => manager.updateConfiguration({ maxDelay: -3 })).toThrow(/maxDelay: received -3/);
    expect(manager.maxDelay).toBe(60);
    const old = new RetryManager({ max_retries: 1 });
    old.updateConfiguration({ maxAttempts: 5 });
    expect(old.maxAttempts).toBe(5);
  });
});

describe('RetryManager delegates to @rel/core', () => {
  it('its calls and retries are in the default manager: instance, health, retry events, health+json', async () => {
    const manager = new RetryManager({
      maxAttempts: 3,
      baseDelay: 0.5,
      backoffStrategy: 'exponential',
      service: 'billing',
    });
    await calls(manager, [0]);
    const instance = env.manager.find('billing')!;
    expect(instance).toBeDefined();
    const retries: [number, number][] = [];
    instance.retry.onRetry((e) => retries.push([e.attempt, e.delayMs]));
    await calls(manager, [2]);
    expect(retries).toEqual([
      [1, 500],
      [2, 1000],
    ]);
    const health = instance.health.snapshot();
    expect(health.totals).toMatchObject({ success: 2, transient: 2 });
    expect(env.manager.health().checks).toHaveProperty(['billing:health']);
  });
});

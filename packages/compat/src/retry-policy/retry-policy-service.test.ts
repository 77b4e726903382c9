import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, useFakeDefaultManager } from '../../test/fixtures.js';
import { serviceMeshDelay } from '../legacy-formulas/legacy-delays.js';
import { DEFAULT_RETRY_POLICY, RetryStrategy } from './retry-policy.js';
import { RetryPolicyService } from './retry-policy-service.js';

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

describe('serviceMeshDelay', () => {
  it('has the legacy values: exponential 1, 2, 4, 8, 16, 30, 30; linear base·(1+a); floor 0.1', () => {
    expect(
      [0, 1, 2, 3, 4, 5, 6].map((a) => serviceMeshDelay('exponential_backoff', a, 1, 2, 30, false, () => 0)),
    ).toEqual([1, 2, 4, 8, 16, 30, 30]);
    expect([0, 1, 2].map((a) => serviceMeshDelay('linear_backoff', a, 0.5, 2, 30, false, () => 0))).toEqual([
      0.5, 1, 1.5,
    ]);
    expect(serviceMeshDelay('random_jitter', 0, 2, 2, 30, true, () => 0.5)).toBe(3);
    expect(serviceMeshDelay('fixed_delay', 0, 1, 2, 30, true, () => 1 - 2 ** -53)).toBeCloseTo(1.1, 9);
    expect(serviceMeshDelay('fixed_delay', 0, 0.01, 2, 30, false, () => 0)).toBe(0.1);
  });
});

describe('RetryPolicyService', () => {
  it('registers policies over the defaults with the legacy clamps, and rejects what it cannot read', async () => {
    const s = new RetryPolicyService();
    expect(
      await s.registerPolicy('billing', {
        max_retries: 20,
        base_delay: 0.01,
        strategy: RetryStrategy.LINEAR_BACKOFF,
      }),
    ).toBe(true);
    expect(await s.getPolicy('billing')).toMatchObject({
      ...DEFAULT_RETRY_POLICY,
      max_retries: 10,
      base_delay: 0.1,
      strategy: 'linear_backoff',
      created_at: new Date(env.clock.now()).toISOString(),
    });
    await expect(s.registerPolicy('x', { strategy: 'zigzag' as never })).rejects.toThrow(
      /policy.strategy: received "zigzag"/,
    );
    await expect(s.registerPolicy('x', { max_retires: 2 } as never)).rejects.toThrow(
      /did you mean "max_retries"/,
    );
    expect(await s.updatePolicy('nobody', { max_retries: 1 })).toBe(false);
    expect(await s.updatePolicy('billing', { jitter: false })).toBe(true);
    expect(Object.keys(await s.listPolicies())).toEqual(['billing']);
    expect(await s.removePolicy('billing')).toBe(true);
    expect(await s.getPolicy('billing')).toBeNull();
  });

  it('runs max_retries + 1 attempts with the legacy delays, retrying every exception, through @rel/core', async () => {
    const s = new RetryPolicyService();
    await s.registerPolicy('search', {
      max_retries: 2,
      base_delay: 0.5,
      strategy: 'exponential_backoff',
      jitter: false,
    });
    const { op, times, errors } = failingTimes(env.clock, 9, 0, () => new TypeError('even this'));
    const r = await outcome(s.executeWithRetry('search', op));
    expect(times).toHaveLength(3);
    expect(gaps(times)).toEqual([500, 1000]);
    expect(r.error).toBe(errors[2]);
    expect(env.manager.find('search')?.health.snapshot().totals.transient).toBe(3);
  });

  it('keeps the legacy statistics (per attempt), only for registered services', async () => {
    const s = new RetryPolicyService();
    await s.registerPolicy('api', { max_retries: 3, base_delay: 0.1, jitter: false });
    await outcome(s.executeWithRetry('api', failingTimes(env.clock, 2, 'ok').op));
    expect(await s.getRetryStats('api')).toMatchObject({
      service_name: 'api',
      total_attempts: 3,
      successful_retries: 1,
      failed_after_retries: 0,
      total_retry_attempts: 2,
      success_rate: 1,
    });
    expect((await s.getRetryStats('api'))!.average_retries_per_call).toBeCloseTo(2 / 3, 12);
    await outcome(s.executeWithRetry('unregistered', (x: number) => x * 2, 21));
    expect(await s.getRetryStats('unregistered')).toBeNull();
    expect(s.getRetryServiceStats()).toMatchObject({
      total_policies: 1,
      total_attempts: 3,
      total_successful_retries: 1,
      total_failed_after_retries: 0,
      overall_success_rate: 1,
    });
  });
});

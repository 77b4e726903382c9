import { sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFakeDefaultManager } from '../../test/fixtures.js';
import type { PolicyTestResult } from './policy-test.js';
import { RetryPolicyService } from './retry-policy-service.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

async function settled<T>(p: Promise<T>): Promise<T> {
  await env.clock.runAll();
  return p;
}

describe('RetryPolicyService#testPolicy', () => {
  it('simulates failures with the injected random source, through the policy, on the manager clock', async () => {
    // Draws per attempt: 0.1 < 0.5 fails, 0.2 fails, 0.9 succeeds.
    const s = new RetryPolicyService({ random: sequenceRandom([0.1, 0.2, 0.9]) });
    await s.registerPolicy('search', { max_retries: 2, base_delay: 0.5, jitter: false });
    const r: PolicyTestResult = await settled(s.testPolicy('search'));
    expect(r).toEqual({
      service_name: 'search',
      success: true,
      result: 'success',
      duration_seconds: 1.5, // 0.5 s + 1.0 s of exponential waits
      policy: await s.getPolicy('search'),
    });
    expect(await s.getRetryStats('search')).toMatchObject({ total_attempts: 3, successful_retries: 1 });
    expect(env.manager.find('search')!.health.snapshot().totals).toMatchObject({ success: 1, transient: 2 });
  });

  it('reports a run that never succeeds as success: false (bounded by max_retries + 1 attempts)', async () => {
    const s = new RetryPolicyService({ random: sequenceRandom([0]) });
    await s.registerPolicy('flaky', {
      max_retries: 3,
      base_delay: 1,
      strategy: 'fixed_delay',
      jitter: false,
    });
    const r = await settled(s.testPolicy('flaky', 0.5));
    expect(r).toMatchObject({ success: false, result: null, duration_seconds: 3 });
    expect(await s.getRetryStats('flaky')).toMatchObject({ total_attempts: 4, failed_after_retries: 1 });
  });

  it('never fails at rate 0, always fails at rate 1; an unregistered service uses the default policy', async () => {
    const s = new RetryPolicyService({ random: sequenceRandom([0.999, 0.5]) });
    expect(await settled(s.testPolicy('nobody', 0))).toMatchObject({
      success: true,
      duration_seconds: 0,
      policy: null,
    });
    await s.registerPolicy('down', { max_retries: 1, base_delay: 0.1, jitter: false });
    expect(await settled(s.testPolicy('down', 1))).toMatchObject({ success: false, duration_seconds: 0.1 });
  });

  it('rejects a failure rate that is not a probability', async () => {
    const s = new RetryPolicyService();
    await expect(s.testPolicy('x', 1.5)).rejects.toThrow(/failureRate: received 1.5/);
    await expect(s.testPolicy('x', Number.NaN)).rejects.toThrow(/failureRate/);
  });
});

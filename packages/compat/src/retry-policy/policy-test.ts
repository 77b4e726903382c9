import { RelConfigError, type Random } from '@rel/config';
import { legacyClock } from '../delegate/legacy-instance.js';
import type { RetryPolicy } from './retry-policy.js';

/**
 * What `RetryPolicyService#testPolicy` resolves to (legacy keys).
 * @deprecated Part of `RetryPolicyService`; use `ReliabilityInstance#status()` of `@rel/core`. Removed in 2.0.0 (REL_DEP046).
 */
export interface PolicyTestResult {
  readonly service_name: string;
  /** Whether the simulated operation succeeded within the policy's attempts. */
  readonly success: boolean;
  /** `'success'`, or null when every attempt failed. */
  readonly result: 'success' | null;
  /** Time the test took on the default manager's clock (seconds), waits included. */
  readonly duration_seconds: number;
  /** The service's policy (strategy as its value), or null for an unregistered service. */
  readonly policy: RetryPolicy | null;
}

/** The part of the service a policy test uses. @internal */
export interface PolicyTestTarget {
  executeWithRetry<T>(service: string, operation: () => T | PromiseLike<T>): Promise<Awaited<T>>;
  getPolicy(service: string): Promise<RetryPolicy | null>;
}

/**
 * The legacy `test_policy(service, failure_rate)`: runs a simulated operation that fails
 * ("Simulated failure") with probability `failureRate` on every attempt, through the
 * service's own `executeWithRetry` (so with its policy, its delays, its statistics and the
 * reliability instance `service`), and reports how it went.
 *
 * Bounded as the policy is: at most `max_retries + 1` (<= 11) attempts and waits of at most
 * `max_delay` (<= 300 s) each, all on the default manager's clock, so a test on a fake
 * clock takes no real time. The failure draws come from `random`, the service's own
 * source, so a seeded one makes the run reproducible.
 *
 * @internal
 */
export async function runPolicyTest(
  target: PolicyTestTarget,
  service: string,
  failureRate: number,
  random: Random,
): Promise<PolicyTestResult> {
  if (typeof failureRate !== 'number' || !(failureRate >= 0 && failureRate <= 1)) {
    throw new RelConfigError(
      [{ path: 'failureRate', received: failureRate, expected: 'a probability in [0, 1]' }],
      'testPolicy',
    );
  }
  const simulated = (): Promise<'success'> =>
    random() < failureRate ? Promise.reject(new Error('Simulated failure')) : Promise.resolve('success');
  Object.defineProperty(simulated, 'name', { value: 'test_operation' });
  const clock = legacyClock();
  const started = clock.now();
  // The legacy test reported a failed run as `success: false`, never as an error.
  const result = await target.executeWithRetry(service, simulated).catch(() => null);
  return {
    service_name: service,
    success: result !== null,
    result,
    duration_seconds: (clock.now() - started) / 1000,
    policy: await target.getPolicy(service),
  };
}

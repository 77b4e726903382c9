import { RelConfigError, systemRandom, type Random } from '@rel/config';
import {
  legacyClock,
  legacyInstance,
  legacyProfile,
  type LegacyProfile,
} from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { convertLegacySettings } from '../legacy-config/convert.js';
import { serviceMeshDelay } from '../legacy-formulas/legacy-delays.js';
import { runPolicyTest, type PolicyTestResult } from './policy-test.js';
import {
  DEFAULT_RETRY_POLICY,
  layerPolicy,
  type RetryPolicy,
  type RetryPolicyInput,
} from './retry-policy.js';
import {
  rate,
  statsOf,
  type Counters,
  type RetryServiceStats,
  type RetryStats,
} from './retry-policy-stats.js';

/**
 * Additions of the compat layer to the legacy constructor.
 * @deprecated Part of `RetryPolicyService`; use `ReliabilityManager` options of `@rel/core`. Removed in 2.0.0.
 */
export interface RetryPolicyServiceOptions {
  /** Jitter source. @defaultValue `Math.random` */
  readonly random?: Random;
}

/**
 * The legacy service-mesh `RetryPolicyService`: retry policies per service, and
 * `executeWithRetry(service, operation, ...args)` running through the reliability instance
 * `service` of the process default manager (`@rel/core`) with `max_retries + 1` attempts,
 * every exception retried, and the legacy delays (see `serviceMeshDelay`). Unknown services
 * use the default policy and keep no statistics, as before. Every method but
 * `getRetryServiceStats` is async, as in the legacy service.
 *
 * @deprecated Use `ReliabilityManager#get(service, { retry })` from `@rel/core`, with
 * per-service policies from `loadConfig()` of `@rel/config`. Removed in 2.0.0 (REL_DEP046).
 * @example
 * ```ts
 * const retries = new RetryPolicyService();
 * await retries.registerPolicy('billing', { max_retries: 2, base_delay: 0.5, strategy: 'linear_backoff' });
 * const invoice = await retries.executeWithRetry('billing', createInvoice, order);
 * ```
 */
export class RetryPolicyService {
  private readonly policies = new Map<string, RetryPolicy>();
  private readonly counters = new Map<string, Counters>();
  private readonly profiles = new Map<RetryPolicy, LegacyProfile>();
  private readonly random: Random;

  constructor(options: RetryPolicyServiceOptions = {}) {
    useLegacy('REL_DEP046');
    this.random = options.random ?? systemRandom;
  }

  /** Registers (or replaces) `service`'s policy over the defaults; resets its statistics. */
  registerPolicy(service: string, policy: RetryPolicyInput = {}): Promise<true> {
    useLegacy('REL_DEP046');
    return settle(() => {
      checkService(service);
      const layered = layerPolicy(DEFAULT_RETRY_POLICY, policy, 'policy');
      const created = { ...layered, created_at: new Date(legacyClock().now()).toISOString() };
      this.policies.set(service, Object.freeze(created));
      this.counters.set(service, {
        total_attempts: 0,
        successful_retries: 0,
        failed_after_retries: 0,
        total_retry_attempts: 0,
      });
      return true as const;
    });
  }

  /** Runs `operation(...args)` with `service`'s policy; resolves to its value or throws its last error. */
  async executeWithRetry<A extends unknown[], T>(
    service: string,
    operation: (...args: A) => T | PromiseLike<T>,
    ...args: A
  ): Promise<Awaited<T>> {
    useLegacy('REL_DEP046');
    checkService(service);
    if (typeof operation !== 'function')
      throw new RelConfigError(
        [{ path: 'operation', received: operation, expected: 'a function' }],
        'executeWithRetry',
      );
    const policy = this.policies.get(service) ?? DEFAULT_RETRY_POLICY;
    const r = await legacyInstance(this.profileOf(service, policy)).run(() => operation(...args), {
      operation: operation.name || 'operation',
    });
    const c = this.counters.get(service);
    if (c !== undefined && this.policies.get(service) === policy) {
      const n = r.attempts.length;
      c.total_attempts += n;
      c.total_retry_attempts += Math.max(0, n - 1);
      if (r.success && n > 1) c.successful_retries++;
      if (!r.success) c.failed_after_retries++;
    }
    if (r.success) return r.value as Awaited<T>;
    throw lastErrorOf(r);
  }

  /** `service`'s policy (strategy as its value), or null. */
  getPolicy(service: string): Promise<RetryPolicy | null> {
    return Promise.resolve(this.policies.get(service) ?? null);
  }

  /** Changes a registered policy; false when `service` has none. */
  updatePolicy(service: string, updates: RetryPolicyInput): Promise<boolean> {
    useLegacy('REL_DEP046');
    return settle(() => {
      const current = this.policies.get(service);
      if (current === undefined) return false;
      this.policies.set(service, layerPolicy(current, updates, 'updates'));
      return true;
    });
  }

  /** Forgets `service`'s policy and statistics; false when it had none. */
  removePolicy(service: string): Promise<boolean> {
    this.counters.delete(service);
    return Promise.resolve(this.policies.delete(service));
  }

  /** `service`'s statistics (legacy keys), or null when it is not registered. */
  getRetryStats(service: string): Promise<RetryStats | null> {
    const c = this.counters.get(service);
    return Promise.resolve(c === undefined ? null : statsOf(service, c));
  }

  /** Every registered policy, by service. */
  listPolicies(): Promise<Record<string, RetryPolicy>> {
    return Promise.resolve(Object.fromEntries(this.policies));
  }

  /**
   * The legacy `test_policy(service, failure_rate = 0.5)`: runs a simulated operation that
   * fails with probability `failureRate` per attempt through `executeWithRetry(service, ...)`
   * and resolves to `{ service_name, success, result, duration_seconds, policy }`. The draws
   * use the `random` option; durations the default manager's clock.
   */
  testPolicy(service: string, failureRate = 0.5): Promise<PolicyTestResult> {
    useLegacy('REL_DEP046');
    return runPolicyTest(this, service, failureRate, this.random);
  }

  /** Totals over every registered service (legacy keys). */
  getRetryServiceStats(): RetryServiceStats {
    const services: Record<string, RetryStats> = {};
    let attempts = 0;
    let retried = 0;
    let failed = 0;
    for (const [service, c] of this.counters) {
      services[service] = statsOf(service, c);
      attempts += c.total_attempts;
      retried += c.successful_retries;
      failed += c.failed_after_retries;
    }
    return {
      total_policies: this.policies.size,
      total_attempts: attempts,
      total_successful_retries: retried,
      total_failed_after_retries: failed,
      overall_success_rate: rate(attempts - failed, attempts),
      services,
    };
  }

  private profileOf(service: string, policy: RetryPolicy): LegacyProfile {
    let profile = this.profiles.get(policy);
    if (profile === undefined) {
      const { created_at: _created, ...settings } = policy;
      const random = this.random;
      profile = legacyProfile(service, ['retry_policy', settings, random], () =>
        convertLegacySettings(
          {
            maxRetries: policy.max_retries,
            baseDelay: policy.base_delay,
            maxDelay: policy.max_delay,
            backoffMultiplier: policy.backoff_multiplier,
          },
          {
            maxRetries: 'max_retries',
            baseDelay: 'base_delay',
            maxDelay: 'max_delay',
            backoffMultiplier: 'backoff_multiplier',
          },
          [],
          {
            defaults: { retryableExceptions: ['Exception'] },
            formula: (r) => ({
              describe: `service mesh ${policy.strategy}${policy.jitter ? ' ±10 %' : ''}, within [0.1, ${r.maxDelay}] s`,
              delayMs: (attempt) =>
                serviceMeshDelay(
                  policy.strategy,
                  attempt - 1,
                  policy.base_delay,
                  r.multiplier,
                  r.maxDelay,
                  policy.jitter,
                  random,
                ) * 1000,
              maxDelayMs: Math.max(0.1, r.maxDelay) * 1000,
            }),
          },
        ),
      );
      this.profiles.set(policy, profile);
    }
    return profile;
  }
}

/** The legacy methods were async: a bad argument is a rejection, not a throw. */
function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rethrown as thrown
    return Promise.reject(error);
  }
}

function checkService(service: unknown): void {
  if (typeof service !== 'string' || service.length === 0) {
    throw new RelConfigError(
      [{ path: 'service', received: service, expected: 'a non-empty service name' }],
      'RetryPolicyService',
    );
  }
}

import type { UnifiedCircuitBreaker } from '@rel/circuit';
import { RelConfigError } from '@rel/config';
import type { ReliabilityInstance } from '@rel/core';
import {
  legacyClock,
  legacyInstance,
  legacyProfile,
  type LegacyProfile,
} from '../delegate/legacy-instance.js';
import { legacyFailure } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { convertLegacySettings } from '../legacy-config/convert.js';
import {
  convertLegacyCircuitConfig,
  LEGACY_BREAKER_DEFAULTS,
} from '../legacy-config/legacy-circuit-config.js';
import { agentReliabilityDelay } from '../legacy-formulas/legacy-delays.js';
import {
  STATE_STATUS,
  type ReliabilityCircuitStatus,
  type ReliabilityHealthCheck,
  type ReliabilityHealthStatus,
} from './circuit-health.js';

/**
 * Additions of the compat layer to the legacy constructor.
 * @deprecated Use `ReliabilityManager#get(name, profile)` of `@rel/core`. Removed in 2.0.0.
 */
export interface LegacyReliabilityManagerOptions {
  /** The instance (and breaker) name in `@rel/core`. @defaultValue `reliability_manager_<n>` */
  readonly name?: string;
}

let created = 0;
const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/**
 * The legacy agents `ReliabilityManager(failureThreshold = 5, recoveryTimeout = 60,
 * halfOpenMaxCalls = 3)`: a breaker plus retries, both canonical. Each object gets its own
 * reliability instance of the process default manager (so it shows up in health):
 *
 * - retries: 3 retries (4 attempts), waiting `min(2^a, 10)` s before attempt `a` (2, 4, 8);
 *   `ValueError`s (`RangeError`, errors named `ValueError`) and `TypeError`s stop at once;
 * - breaker: `failureThreshold` failures in a row open it for `recoveryTimeout` s; then up
 *   to `halfOpenMaxCalls` probes, and 2 successful probes close it (the legacy one
 *   re-opened on any failure of a normal recovery probe and could not count its probes).
 * - `executeWithReliability` resolves to the value or throws the operation's own error;
 *   refused while open with a `CircuitOpenError` saying "Circuit breaker is OPEN for <op>".
 *
 * At the package root it is `LegacyReliabilityManager`; `@rel/compat/reliability-manager`
 * exports it as `ReliabilityManager`.
 *
 * @deprecated Use `ReliabilityManager#get(name, profile)` from `@rel/core`: a
 * `ReliabilityInstance` whose profile has a `circuitBreaker`. Removed in 2.0.0 (REL_DEP030).
 * @example
 * ```ts
 * const reliability = new ReliabilityManager(5, 60, 3);
 * const answer = await reliability.executeWithReliability(() => agent.step(input), 'step');
 * reliability.getHealthStatus().status; // 'healthy' | 'degraded' | 'recovering'
 * ```
 */
export class ReliabilityManager {
  readonly failureThreshold: number;
  /** Seconds. */
  readonly recoveryTimeout: number;
  readonly halfOpenMaxCalls: number;
  private readonly profile: LegacyProfile;

  /** @throws {@link RelConfigError} naming every bad argument. */
  constructor(
    failureThreshold = 5,
    recoveryTimeout = 60,
    halfOpenMaxCalls = 3,
    options: LegacyReliabilityManagerOptions = {},
  ) {
    useLegacy('REL_DEP030');
    // A recovery timeout of 0 meant "half-open at once"; the canonical open time must be > 0.
    const breaker = convertLegacyCircuitConfig(
      {
        failureThreshold,
        recoveryTimeout: recoveryTimeout === 0 ? 0.001 : recoveryTimeout,
        halfOpenMaxCalls,
        successThreshold: 2,
      },
      { ...LEGACY_BREAKER_DEFAULTS, countEveryFailure: true },
      'arguments',
    );
    if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0)) {
      throw new RelConfigError(
        [{ path: 'name', received: options.name, expected: 'a non-empty string' }],
        'ReliabilityManager',
      );
    }
    this.failureThreshold = failureThreshold;
    this.recoveryTimeout = recoveryTimeout;
    this.halfOpenMaxCalls = halfOpenMaxCalls;
    const retry = convertLegacySettings({ maxRetries: 3, baseDelay: 2, maxDelay: 10 }, {}, [], {
      defaults: { retryableExceptions: ['Exception'], nonRetryableExceptions: ['ValueError', 'TypeError'] },
      formula: () => ({
        describe: 'min(2^a, 10) s before attempt a (a >= 1)',
        delayMs: (attempt) => agentReliabilityDelay(attempt) * 1000,
        maxDelayMs: 10_000,
      }),
    }).config;
    const service = options.name ?? `reliability_manager_${++created}`;
    this.profile = legacyProfile(service, ['agents_reliability_manager', breaker.config], () => ({
      config: retry,
      circuitBreaker: breaker.config,
    }));
  }

  /** The reliability instance of the process default manager behind this object. */
  get instance(): ReliabilityInstance {
    return legacyInstance(this.profile);
  }

  /** The canonical breaker. */
  get circuitBreaker(): UnifiedCircuitBreaker {
    return this.instance.breaker!;
  }

  /** Runs `operation` behind the breaker with retries; resolves to its value or throws its error. */
  async executeWithReliability<T>(
    operation: () => T | PromiseLike<T>,
    operationName = 'unknown',
  ): Promise<Awaited<T>> {
    useLegacy('REL_DEP030');
    if (typeof operation !== 'function') {
      throw new RelConfigError(
        [{ path: 'operation', received: operation, expected: 'a function' }],
        'executeWithReliability',
      );
    }
    const r = await this.instance.run(() => operation(), { operation: operationName });
    if (r.success) return r.value as Awaited<T>;
    throw legacyFailure(r, `Circuit breaker is OPEN for ${operationName}`);
  }

  /** The breaker's state and counters (legacy keys). */
  getCircuitStatus(): ReliabilityCircuitStatus {
    useLegacy('REL_DEP030');
    const breaker = this.circuitBreaker;
    const canExecute = breaker.retryAfterMs() === 0; // applies any due transition first
    const status = breaker.status();
    const health = this.instance.health.snapshot();
    return {
      state: status.state,
      failure_count: health.consecutiveFailures,
      failure_threshold: this.failureThreshold,
      successful_calls: health.totals.success,
      last_failure_time: iso(health.lastFailureAt),
      half_open_call_count: status.probesInFlight,
      can_execute: canExecute,
    };
  }

  /** The legacy async health check. */
  healthCheck(): Promise<ReliabilityHealthCheck> {
    const c = this.getCircuitStatus();
    return Promise.resolve({
      status: STATE_STATUS[c.state] ?? 'healthy',
      circuit_state: c.state,
      can_execute: c.can_execute,
      failure_count: c.failure_count,
      successful_calls: c.successful_calls,
      timestamp: new Date(legacyClock().now()).toISOString(),
    });
  }

  /** The legacy health summary: closed `healthy`, open `degraded`, half-open `recovering`. */
  getHealthStatus(): ReliabilityHealthStatus {
    const c = this.getCircuitStatus();
    const status = STATE_STATUS[c.state] ?? 'healthy';
    return {
      status,
      overall_health: status,
      circuit_state: c.state,
      failure_count: c.failure_count,
      successful_calls: c.successful_calls,
      failure_threshold: this.failureThreshold,
      recovery_timeout: this.recoveryTimeout,
      last_failure_time: c.last_failure_time,
      timestamp: new Date(legacyClock().now()).toISOString(),
    };
  }

  /** Closes the breaker and clears the counters. */
  resetCircuit(): void {
    useLegacy('REL_DEP030');
    this.circuitBreaker.reset();
    this.instance.health.reset();
  }

  /** The same as {@link ReliabilityManager.resetCircuit}, as in the legacy class. */
  resetMetrics(): void {
    this.resetCircuit();
  }

  /** The same as {@link ReliabilityManager.resetCircuit}, as in the legacy class. */
  resetHealthTracking(): void {
    this.resetCircuit();
  }
}

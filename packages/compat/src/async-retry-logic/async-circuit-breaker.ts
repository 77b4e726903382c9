import type { UnifiedCircuitBreaker } from '@rel/circuit';
import {
  CircuitOpenError,
  isRelError,
  parseRetryConfig,
  REL_ERROR_CODES,
  RelConfigError,
  type RetryConfig,
} from '@rel/config';
import type { ReliabilityInstance } from '@rel/core';
import { guardOperation } from '../delegate/legacy-guard.js';
import {
  legacyClock,
  legacyInstance,
  legacyProfile,
  type LegacyProfile,
} from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { convertLegacyCircuitConfig } from '../legacy-config/legacy-circuit-config.js';
import {
  compileLegacyErrorSet,
  legacyRetryMatchers,
  type LegacyErrorSet,
} from '../legacy-errors/legacy-error-set.js';

/**
 * The legacy state names (upper case).
 * @deprecated Use `CircuitState` of `@rel/circuit` (lower case). Removed in 2.0.0.
 */
export type AsyncCircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/**
 * Options of `new AsyncCircuitBreaker(...)` (camelCase or snake_case; seconds).
 * @deprecated Use `CircuitBreakerConfigInput` from `@rel/config` (ms). Removed in 2.0.0.
 */
export interface AsyncCircuitBreakerOptions {
  /** Failures in a row that open it. @defaultValue 5 */
  readonly failureThreshold?: number;
  readonly failure_threshold?: number;
  /** Seconds open before a probe. @defaultValue 60.0 */
  readonly timeout?: number;
  /** The failures that count (others pass through without counting). @defaultValue `['Exception']` */
  readonly expectedException?: LegacyErrorSet;
  readonly expected_exception?: LegacyErrorSet;
  /** The breaker's name in `@rel/core` (an addition). @defaultValue `async_circuit_breaker_<n>` */
  readonly name?: string;
}

/**
 * `circuitInfo` (legacy keys).
 * @deprecated Use `UnifiedCircuitBreaker#status()` of `@rel/circuit`. Removed in 2.0.0.
 */
export interface AsyncCircuitInfo {
  readonly state: AsyncCircuitState;
  readonly failure_count: number;
  readonly failure_threshold: number;
  /** Seconds. */
  readonly timeout: number;
  /** Unix time (seconds) of the last counted failure, or null. */
  readonly last_failure_time: number | null;
}

const UPPER: Readonly<Record<string, AsyncCircuitState>> = {
  closed: 'CLOSED',
  open: 'OPEN',
  half_open: 'HALF_OPEN',
  isolated: 'OPEN',
  disabled: 'CLOSED',
};

let created = 0;

/**
 * The legacy `core/async_retry_logic.AsyncCircuitBreaker`, on the canonical breaker: each
 * object gets its own reliability instance of the process default manager (one attempt,
 * a consecutive-failure `UnifiedCircuitBreaker` with the legacy threshold and a fixed
 * `timeout`), so it shows up in health. States read in the legacy upper case.
 *
 * - `call(func, ...args)`: refused while open with a `CircuitOpenError` whose message is
 *   the legacy "Circuit breaker is OPEN (failed N times)"; otherwise the value or the
 *   function's own error.
 * - Only `expectedException` failures count; others are rethrown and decide nothing.
 * - After `timeout` seconds one probe is let through; its success closes the breaker
 *   (which never got stuck open: the legacy open path crashed).
 *
 * @deprecated Use `UnifiedCircuitBreaker` from `@rel/circuit` (lower-case states), or a
 * `ReliabilityInstance` with a `circuitBreaker` (`@rel/core`). Removed in 2.0.0 (REL_DEP029).
 * @example
 * ```ts
 * const breaker = new AsyncCircuitBreaker({ failureThreshold: 3, timeout: 30 });
 * const rows = await breaker.call(query, sql);
 * breaker.state; // 'CLOSED'
 * ```
 */
export class AsyncCircuitBreaker {
  readonly failureThreshold: number;
  /** Seconds. */
  readonly timeout: number;
  private readonly profile: LegacyProfile;
  private readonly counts: (error: unknown) => boolean;
  private failures = 0;
  private lastFailure: number | null = null;

  /** @throws {@link RelConfigError} naming every bad option. */
  constructor(options: AsyncCircuitBreakerOptions = {}) {
    useLegacy('REL_DEP029');
    const { name, expectedException, expected_exception, timeout, ...rest } = options;
    const breaker = convertLegacyCircuitConfig(
      { ...rest, ...(timeout === undefined ? {} : { recovery_timeout: timeout }) },
      { failureThreshold: 5, recoveryTimeout: 60, halfOpenMaxCalls: 1, successThreshold: 1 },
      'options',
    );
    if (name !== undefined && (typeof name !== 'string' || name.length === 0)) {
      throw new RelConfigError(
        [{ path: 'name', received: name, expected: 'a non-empty string' }],
        'AsyncCircuitBreaker',
      );
    }
    const expected = expectedException ?? expected_exception ?? ['Exception'];
    this.counts = compileLegacyErrorSet(expected, 'expectedException');
    this.failureThreshold = breaker.config.failureThreshold;
    this.timeout = breaker.config.openMs / 1000;
    // Expected failures count against the breaker whatever their canonical kind (retryOn
    // makes a permanent verdict transient); the guard turns the others into NonRetryableError.
    const retry: RetryConfig = parseRetryConfig({
      maxAttempts: 1,
      budget: false,
      ...legacyRetryMatchers(['Exception']),
    });
    const service = name ?? `async_circuit_breaker_${++created}`;
    this.profile = legacyProfile(service, ['async_circuit_breaker', breaker.config], () => ({
      config: retry,
      circuitBreaker: breaker.config,
    }));
  }

  /** The reliability instance (and canonical breaker) behind this object. */
  get instance(): ReliabilityInstance {
    return legacyInstance(this.profile);
  }

  /** The canonical breaker. */
  get circuitBreaker(): UnifiedCircuitBreaker {
    return this.instance.breaker!;
  }

  /** `'CLOSED'`, `'OPEN'` or `'HALF_OPEN'` (an open breaker whose timeout passed reads `HALF_OPEN`). */
  get state(): AsyncCircuitState {
    return UPPER[this.circuitBreaker.state] ?? 'CLOSED';
  }

  /** Counted failures since the last success. */
  get failureCount(): number {
    return this.failures;
  }

  /** The legacy summary. */
  get circuitInfo(): AsyncCircuitInfo {
    return {
      state: this.state,
      failure_count: this.failures,
      failure_threshold: this.failureThreshold,
      timeout: this.timeout,
      last_failure_time: this.lastFailure,
    };
  }

  /** Runs `func(...args)` behind the breaker. */
  async call<A extends unknown[], T>(
    func: (...args: A) => T | PromiseLike<T>,
    ...args: A
  ): Promise<Awaited<T>> {
    useLegacy('REL_DEP029');
    if (typeof func !== 'function')
      throw new RelConfigError(
        [{ path: 'func', received: func, expected: 'a function' }],
        'AsyncCircuitBreaker.call',
      );
    const r = await this.instance.run(
      guardOperation(() => func(...args), this.counts),
      { operation: func.name || 'call' },
    );
    if (r.success) {
      this.failures = 0;
      this.lastFailure = null;
      return r.value as Awaited<T>;
    }
    if (r.attempts.length === 0 && isRelError(r.error, REL_ERROR_CODES.CIRCUIT_OPEN)) {
      const open = r.error as CircuitOpenError;
      throw new CircuitOpenError(`Circuit breaker is OPEN (failed ${this.failures} times)`, {
        circuit: open.circuit,
        state: open.state,
        retryAfterMs: open.retryAfterMs,
        service: open.service,
        cause: open,
      });
    }
    const error = lastErrorOf(r);
    if (this.counts(error)) {
      this.failures++;
      this.lastFailure = legacyClock().now() / 1000;
    }
    throw error;
  }
}

import { RelConfigError } from '@rel/config';
import type { ReliabilityInstance } from '@rel/core';
import { legacyCircuitStatus, type LegacyCircuitStatus } from '../delegate/legacy-circuit-status.js';
import { legacyInstance, legacyProfile, type LegacyProfile } from '../delegate/legacy-instance.js';
import { legacyFailure } from '../delegate/legacy-outcome.js';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { convertLegacyRetryConfig, type LegacyConversion } from '../legacy-config/convert.js';
import type { LegacyRetryConfigInput } from '../legacy-config/legacy-retry-config.js';
import { quietConfig, RetryConfig } from './retry-config.js';
import { RetryContext } from './retry-context.js';
import { legacyAttempts, unifiedResult, type RetryResult } from './retry-result.js';
import { UseScope } from '../deprecation/use-scope.js';

/**
 * Additions of the compat layer to the legacy constructor.
 * @deprecated Use `loadConfig({ env })` of `@rel/config` for environment overrides. Removed in 2.0.0.
 */
export interface UnifiedRetryHandlerOptions {
  /**
   * Where the legacy `RETRY_*` overrides are read from. @defaultValue `process.env`
   * (pass `{}` to ignore the environment).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// Handlers made for another legacy name (retryOnException, withRetry) count uses under it.
const scope = new UseScope();

/** A handler whose uses count under `code` (the legacy name the caller used). @internal */
export function handlerFor(
  code: DeprecationCode,
  serviceName: string,
  config: RetryConfig | LegacyRetryConfigInput,
  options: UnifiedRetryHandlerOptions,
): UnifiedRetryHandler {
  return scope.run(code, () => new UnifiedRetryHandler(serviceName, config, options));
}

const processEnv = (): Readonly<Record<string, string | undefined>> =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/**
 * The legacy unified retry handler's call shape (core/resilience/unified_retry_handler),
 * running every call through a reliability instance of the process default manager
 * (`@rel/core`) named `serviceName`: canonical retries, breaker, health and events.
 *
 * - `config` is a legacy `RetryConfig` (or any legacy config object, seconds). Legacy
 *   `RETRY_*` environment variables override it, as before, but on a copy: the object
 *   passed (a shared policy constant, say) is never modified. `config` is that copy.
 * - `executeWithRetry` / `executeWithRetryAsync` never throw; they resolve to a legacy
 *   `RetryResult` (`attempts[]`, `finalException`, `totalAttempts`, `totalTime`).
 * - `withTimeout`, `withMaxAttempts`, `withCircuitBreaker` return new handlers.
 * - `wrap(fn)` is the decorator form: the value, or the final exception thrown.
 * At the package root it is `LegacyUnifiedRetryHandler` (the canonical class of
 * `@rel/retry` has the same name).
 *
 * @deprecated Use `UnifiedRetryHandler` from `@rel/retry` (ms; `executeWithRetry` returns a
 * typed result), or a `ReliabilityInstance` from `@rel/core`. Removed in 2.0.0 (REL_DEP016).
 * @example
 * ```ts
 * const handler = new UnifiedRetryHandler('payments', API_RETRY_POLICY);
 * const r = await handler.executeWithRetryAsync(charge, order);
 * if (!r.success) throw r.finalException;
 * ```
 */
export class UnifiedRetryHandler {
  /** The service name (the reliability instance's name). */
  readonly serviceName: string;
  /** The configuration in effect: a copy of the one given, with environment overrides applied. */
  readonly config: RetryConfig;
  private readonly options: UnifiedRetryHandlerOptions;
  private readonly conversion: LegacyConversion;
  private readonly profile: LegacyProfile;
  private readonly code: DeprecationCode;

  /** @throws {@link RelConfigError} naming every bad field or `RETRY_*` variable. */
  constructor(
    serviceName = 'unknown',
    config?: RetryConfig | LegacyRetryConfigInput,
    options: UnifiedRetryHandlerOptions = {},
  ) {
    this.code = scope.code ?? 'REL_DEP016';
    useLegacy(this.code);
    if (typeof serviceName !== 'string' || serviceName.trim() === '') {
      throw new RelConfigError(
        [{ path: 'serviceName', received: serviceName, expected: 'a non-empty string' }],
        'UnifiedRetryHandler',
      );
    }
    const given = config instanceof RetryConfig ? config : quietConfig('REL_DEP018', config ?? {});
    // A policy constant passed by the caller is a use of it (not when another legacy name built this handler).
    if (config instanceof RetryConfig && scope.code === undefined) useLegacy(config.deprecationCode);
    // Every unified strategy is canonical (jitter included), so delays draw on the default
    // manager's random source, like any other instance's.
    this.conversion = convertLegacyRetryConfig(given, {
      env: options.env ?? processEnv(),
    });
    const l = this.conversion.legacy;
    this.config = quietConfig(given.deprecationCode, {
      maxAttempts: l.maxAttempts,
      baseDelay: l.baseDelay,
      maxDelay: l.maxDelay,
      strategy: l.strategy,
      backoffMultiplier: l.multiplier,
      jitterRange: l.jitterRange,
      timeoutSeconds: l.timeoutSeconds ?? null,
      retryableExceptions: l.retryable,
      nonRetryableExceptions: l.nonRetryable,
      circuitBreakerEnabled: l.circuitBreaker.enabled,
      circuitBreakerFailureThreshold: l.circuitBreaker.enabled
        ? l.circuitBreaker.failureThreshold
        : given.circuitBreakerFailureThreshold,
      circuitBreakerRecoveryTimeout: l.circuitBreaker.enabled
        ? l.circuitBreaker.recoveryTimeout
        : given.circuitBreakerRecoveryTimeout,
      metricsEnabled: given.metricsEnabled,
    });
    this.serviceName = serviceName;
    this.options = options;
    const conversion = this.conversion;
    this.profile = legacyProfile(serviceName, ['unified_retry_handler', l], () => conversion);
  }

  /** The reliability instance of the process default manager that runs this handler's calls. */
  get instance(): ReliabilityInstance {
    return legacyInstance(this.profile);
  }

  /**
   * Runs `func(...args)` with retries. Never throws: resolves to a legacy `RetryResult`.
   * A call refused by an open breaker before any attempt has no attempts and a
   * `CircuitOpenError` with the legacy message "Circuit breaker is open".
   */
  async executeWithRetry<A extends unknown[], T>(
    func: (...args: A) => T | PromiseLike<T>,
    ...args: A
  ): Promise<RetryResult<Awaited<T>>> {
    useLegacy(this.code);
    if (typeof func !== 'function') {
      const error = new RelConfigError(
        [{ path: 'func', received: func, expected: 'a function' }],
        'executeWithRetry arguments',
      );
      return unifiedResult<Awaited<T>>(false, undefined, [], error);
    }
    const r = await this.instance.run(() => func(...args), { operation: func.name || 'anonymous' });
    const attempts = legacyAttempts(r.attempts);
    return r.success
      ? unifiedResult(true, r.value as Awaited<T>, attempts, undefined)
      : unifiedResult<Awaited<T>>(false, undefined, attempts, legacyFailure(r, 'Circuit breaker is open'));
  }

  /** The legacy async variant: the same as {@link UnifiedRetryHandler.executeWithRetry}. */
  executeWithRetryAsync<A extends unknown[], T>(
    func: (...args: A) => T | PromiseLike<T>,
    ...args: A
  ): Promise<RetryResult<Awaited<T>>> {
    return this.executeWithRetry(func, ...args);
  }

  /** A new handler whose overall budget is `timeoutSeconds`. */
  withTimeout(timeoutSeconds: number): UnifiedRetryHandler {
    return this.derived({ timeoutSeconds });
  }

  /** A new handler making `maxAttempts` attempts in total. */
  withMaxAttempts(maxAttempts: number): UnifiedRetryHandler {
    return this.derived({ maxAttempts });
  }

  /** A new handler with (or without) its own breaker: `failureThreshold` failures open it for `recoveryTimeout` s. */
  withCircuitBreaker(enabled = true, failureThreshold = 5, recoveryTimeout = 30.0): UnifiedRetryHandler {
    return this.derived({
      circuitBreakerEnabled: enabled,
      circuitBreakerFailureThreshold: failureThreshold,
      circuitBreakerRecoveryTimeout: recoveryTimeout,
    });
  }

  /** The breaker's status (legacy keys), or `null` when this handler has no breaker. */
  getCircuitBreakerStatus(): LegacyCircuitStatus | null {
    useLegacy(this.code);
    if (!this.config.circuitBreakerEnabled) return null;
    const breaker = this.instance.breaker;
    return breaker === undefined ? null : legacyCircuitStatus(breaker);
  }

  /**
   * The decorator form (`@handler` in the legacy code): a function that runs `func` with
   * retries and resolves to its value or throws the final exception.
   */
  wrap<A extends unknown[], T>(
    func: (...args: A) => T | PromiseLike<T>,
  ): (...args: A) => Promise<Awaited<T>> {
    const wrapped = async (...args: A): Promise<Awaited<T>> => {
      const r = await this.executeWithRetry(func, ...args);
      if (r.success) return r.result as Awaited<T>;
      throw r.finalException;
    };
    Object.defineProperty(wrapped, 'name', { value: func.name });
    return wrapped;
  }

  /** A context that runs `func(...args)` on `execute()` and keeps the legacy result in `result`. */
  retryContext<A extends unknown[], T>(
    func: (...args: A) => T | PromiseLike<T>,
    ...args: A
  ): RetryContext<Awaited<T>> {
    return new RetryContext(() => this.executeWithRetry(func, ...args));
  }

  /** The canonical configuration (environment overrides included) and how each field mapped. */
  toCanonical(): LegacyConversion {
    return this.conversion;
  }

  private derived(changes: LegacyRetryConfigInput): UnifiedRetryHandler {
    useLegacy(this.code);
    const next = quietConfig(this.config.deprecationCode, { ...configFields(this.config), ...changes });
    return handlerFor(this.code, this.serviceName, next, this.options);
  }
}

function configFields(c: RetryConfig): LegacyRetryConfigInput {
  return { ...c };
}

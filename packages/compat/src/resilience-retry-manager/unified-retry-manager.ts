import { isRelError, REL_ERROR_CODES, RelConfigError, systemRandom, type Random } from '@rel/config';
import type { ReliabilityInstance } from '@rel/core';
import { legacyInstance, legacyProfile, type LegacyProfile } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { LegacyConversion } from '../legacy-config/convert.js';
import {
  convertResilienceConfig,
  quietResilienceConfig,
  RetryConfig,
  type RetryConfigInput,
} from './retry-config.js';
import { exhausted } from './retry-exhausted-exception.js';

/**
 * Additions of the compat layer to the legacy constructor.
 * @deprecated Part of `UnifiedRetryManager`; use `ReliabilityManager` options of `@rel/core`. Removed in 2.0.0 (REL_DEP063).
 */
export interface UnifiedRetryManagerOptions {
  /** The reliability instance the calls are recorded under in `@rel/core`. @defaultValue `'unified_retry_manager'` */
  readonly service?: string;
  /** The source of the legacy `random.uniform` draws (strategy `random` and the jitters). @defaultValue `Math.random` */
  readonly random?: Random;
}

/**
 * The legacy `UnifiedRetryManager(config)` of `core/resilience/retry_manager` (exported
 * by `core.resilience`), running every call through a reliability instance of the
 * process default manager (`@rel/core`, instance `unified_retry_manager` or the
 * `service` option): canonical retries, health, metrics and retry events.
 *
 * - `executeWithRetry(func, ...args)` runs a sync or async `func` and resolves to its
 *   value. After the last attempt it throws a {@link RetryExhaustedException}
 *   (`attempts`, `lastException`). An error outside `retryOnExceptions` is thrown as is,
 *   at once. With `enabled: false` the function runs once and its own error is thrown.
 * - Delays (seconds) are the legacy formula of §2.9 (see `BackoffStrategy` and
 *   `JitterType`), drawn from the `random` option, on the default manager's clock.
 * - `updateConfig(config)` replaces the configuration.
 *
 * @deprecated Use `getDefaultManager().get(name, { retry }).execute(op)` from `@rel/core`
 * with a `RetryConfig` from `@rel/config` (ms; `RetryExhaustedError`). Removed in 2.0.0 (REL_DEP063).
 * @example
 * ```ts
 * const manager = new UnifiedRetryManager(RetryPresets.createApiRetry());
 * try {
 *   const user = await manager.executeWithRetry(fetchUser, id);
 * } catch (e) {
 *   if (e instanceof RetryExhaustedException) log.warn({ attempts: e.attempts }, String(e.lastException));
 * }
 * ```
 */
export class UnifiedRetryManager {
  private current: RetryConfig;
  private conversion: LegacyConversion;
  private profile: LegacyProfile;
  private readonly service: string;
  private readonly random: Random;

  /** @throws {@link RelConfigError} naming every bad field of a plain config object. */
  constructor(config: RetryConfig | RetryConfigInput = {}, options: UnifiedRetryManagerOptions = {}) {
    useLegacy('REL_DEP063');
    const { service = 'unified_retry_manager', random = systemRandom } = options;
    if (typeof service !== 'string' || service.trim() === '')
      throw new RelConfigError(
        [{ path: 'service', received: service, expected: 'a non-empty string' }],
        'UnifiedRetryManager',
      );
    this.service = service;
    this.random = random;
    this.current = this.adopt(config);
    this.conversion = convertResilienceConfig(this.current, random);
    this.profile = this.profileOf(this.current, this.conversion);
  }

  /** The configuration in effect. */
  get config(): RetryConfig {
    return this.current;
  }

  /** The reliability instance of the process default manager that runs this manager's calls. */
  get instance(): ReliabilityInstance {
    return legacyInstance(this.profile);
  }

  /**
   * Runs `func(...args)` (sync or async) with retries and resolves to its value.
   * @throws {@link RetryExhaustedException} after the last attempt (`enabled` configs);
   * the function's own error when it is not in `retryOnExceptions` or retries are off.
   */
  async executeWithRetry<A extends unknown[], T>(
    func: (...args: A) => T | PromiseLike<T>,
    ...args: A
  ): Promise<Awaited<T>> {
    useLegacy('REL_DEP063');
    if (typeof func !== 'function')
      throw new RelConfigError(
        [{ path: 'func', received: func, expected: 'a function' }],
        'executeWithRetry',
      );
    const r = await this.instance.run(() => func(...args), { operation: func.name || 'anonymous' });
    if (r.success) return r.value as Awaited<T>;
    const last = lastErrorOf(r);
    // Retries off: the legacy manager called the function directly, so its error came out as is.
    if (!this.current.enabled) throw last;
    // Out of attempts (or, canonically, out of retry budget): the legacy exception, with the real count.
    if (isRelError(r.error, REL_ERROR_CODES.RETRY_EXHAUSTED) || r.outcome === 'budget_exhausted')
      throw exhausted(r.attempts.length, last);
    throw last;
  }

  /** Replaces the configuration (later calls use it). */
  updateConfig(config: RetryConfig | RetryConfigInput): void {
    useLegacy('REL_DEP063');
    const next = this.adopt(config);
    const conversion = convertResilienceConfig(next, this.random);
    this.profile = this.profileOf(next, conversion);
    this.current = next;
    this.conversion = conversion;
  }

  /** The canonical configuration this manager runs with, and how each legacy field mapped. */
  toCanonical(): LegacyConversion {
    return this.conversion;
  }

  private adopt(config: RetryConfig | RetryConfigInput): RetryConfig {
    if (config instanceof RetryConfig) {
      useLegacy(config.deprecationCode);
      return config;
    }
    return quietResilienceConfig('REL_DEP064', config);
  }

  private profileOf(c: RetryConfig, conversion: LegacyConversion): LegacyProfile {
    // The legacy settings, the retry set and the random source identify the profile, so
    // equal configs share one instance and a different one gets `<service>~<hash>`.
    const parts = [
      'resilience_retry_manager',
      conversion.legacy,
      c.backoffStrategy,
      c.jitterType,
      c.enabled,
      this.random,
    ];
    return legacyProfile(this.service, parts, () => conversion);
  }
}

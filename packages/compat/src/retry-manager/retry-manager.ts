import { RelConfigError, systemRandom, type Random, type ValidationIssue } from '@rel/config';
import { guardOperation } from '../delegate/legacy-guard.js';
import {
  legacyClock,
  legacyInstance,
  legacyProfile,
  type LegacyProfile,
} from '../delegate/legacy-instance.js';
import { lastErrorOf, seconds } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { ConversionNote } from '../legacy-config/conversion-note.js';
import type { LegacyConversion } from '../legacy-config/convert.js';
import type { LegacyRetrySettings } from '../legacy-config/legacy-retry-config.js';
import { keepLegacyFields, readLegacyRetryConfig } from '../legacy-config/read-legacy-config.js';
import { compileLegacyErrorSet, type LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import type { BackoffStrategy } from './backoff-strategy.js';
import {
  checkAttempts,
  checkStrategy,
  convert,
  RETRY_ALL,
  RETRY_MANAGER_DEFAULT_RETRYABLE,
  USED,
  type RetryManagerChanges,
  type RetryManagerOptions,
} from './retry-manager-config.js';
import { retryManagerHealth, type RetryManagerHealth } from './retry-manager-health.js';
import { retryResult, type RetryResult } from './retry-result.js';
import {
  errorTypeName,
  OperationLog,
  type EmptyRetryStatistics,
  type RetryStatistics,
} from './retry-statistics.js';

/**
 * The legacy agents `RetryManager` (agents/base/retry_manager), delegating every call to
 * a reliability instance of the process default manager (`@rel/core`), so each retry runs
 * in `@rel/retry`'s engine and shows up in canonical health, metrics and retry events.
 *
 * - Units are legacy: seconds; `maxAttempts` counts every attempt, `maxRetries` (older
 *   config form) counts retries.
 * - `executeWithRetry` never rejects; its `attempts` is the real count.
 * - Delays: see `BackoffStrategy`; the default `exponential_jitter` is `e + e·U(0.1, 0.5)`.
 * - Statistics keep the last 1000 calls; `getHealthStatus()` reads the last hour.
 *
 * @deprecated Use `getDefaultManager().get(name, { retry }).run(op)` from `@rel/core` with a
 * `RetryConfig` from `@rel/config` (ms, total attempts). Removed in 2.0.0 (REL_DEP001).
 * @example
 * ```ts
 * const retries = new RetryManager({ maxAttempts: 4, baseDelay: 0.5, backoffStrategy: BackoffStrategy.LINEAR });
 * const r = await retries.executeWithRetry(() => fetchUser(id), 'fetch_user');
 * if (r.success) use(r.result); else log.warn({ attempts: r.attempts }, String(r.lastError));
 * ```
 */
export class RetryManager {
  private settings: LegacyRetrySettings;
  private sources: Record<string, string>;
  private readonly ignored: readonly ConversionNote[];
  private readonly service: string;
  private readonly random: Random;
  private readonly log = new OperationLog();
  /** The conversion of the configured settings (rebuilt by `updateConfiguration`). */
  private current: LegacyConversion;
  /** Profiles by per-call attempts and retry mode, built once each (reset by `updateConfiguration`). */
  private profiles = new Map<string, LegacyProfile>();

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(options: RetryManagerOptions = {}) {
    useLegacy('REL_DEP001');
    const { service = 'retry_manager', random = systemRandom, ...legacy } = options;
    const issues: ValidationIssue[] = [];
    const notes: ConversionNote[] = [];
    const read = keepLegacyFields(
      readLegacyRetryConfig(legacy, 'options', issues),
      USED,
      'RetryManager',
      notes,
    );
    checkStrategy(read, issues);
    if (issues.length > 0) throw new RelConfigError(issues, 'RetryManager options');
    // The older form (a config with max_retries) had plain exponential delays.
    const older = read.settings.maxRetries !== undefined;
    this.settings = { strategy: older ? 'exponential' : 'exponential_jitter', ...read.settings };
    this.sources = { ...read.sources };
    this.ignored = notes;
    this.service = service;
    this.random = random;
    this.current = convert(
      this.settings,
      this.sources,
      this.ignored,
      RETRY_MANAGER_DEFAULT_RETRYABLE,
      random,
    );
  }

  /** Total attempts per call (the first included). */
  get maxAttempts(): number {
    return this.current.legacy.maxAttempts;
  }

  /** First delay (seconds). */
  get baseDelay(): number {
    return this.current.legacy.baseDelay;
  }

  /** Delay cap (seconds). */
  get maxDelay(): number {
    return this.current.legacy.maxDelay;
  }

  /** The backoff strategy in use. */
  get backoffStrategy(): BackoffStrategy {
    return this.current.legacy.strategy as BackoffStrategy;
  }

  /**
   * Runs `operation` (no arguments; sync or async) with retries, through the process
   * default manager of `@rel/core`. Never rejects: failures, bad arguments included, come
   * back as `success: false` with `lastError`.
   *
   * @param operation - the work to run.
   * @param operationName - names the call in statistics, logs and events. @defaultValue 'unknown'
   * @param maxAttempts - total attempts for this call. @defaultValue the configured `maxAttempts`
   * @param retryableExceptions - what is retried for this call (classes, predicates or names such
   *   as `'ConnectionError'`). @defaultValue connection errors, timeouts and plain `Error`s
   */
  async executeWithRetry<T>(
    operation: () => T | PromiseLike<T>,
    operationName = 'unknown',
    maxAttempts?: number,
    retryableExceptions?: LegacyErrorSet,
  ): Promise<RetryResult<T>> {
    useLegacy('REL_DEP001');
    const clock = legacyClock();
    const started = clock.now();
    let outcome: RetryResult<T>;
    try {
      if (typeof operation !== 'function') {
        throw new RelConfigError(
          [{ path: 'operation', received: operation, expected: 'a function () => value | Promise' }],
          'executeWithRetry arguments',
        );
      }
      const attempts = maxAttempts === undefined ? undefined : checkAttempts(maxAttempts);
      // A per-call set is applied around the operation (see guardOperation) over a profile
      // that retries every operation failure, so a literal array written at the call site
      // does not make a new profile per call.
      const retryable = retryableExceptions === undefined ? RETRY_MANAGER_DEFAULT_RETRYABLE : RETRY_ALL;
      const run =
        retryableExceptions === undefined
          ? () => operation()
          : guardOperation(operation, compileLegacyErrorSet(retryableExceptions, 'retryableExceptions'));
      const profile = this.profileFor(attempts, retryable);
      const r = await legacyInstance(profile).run(run, { operation: operationName });
      outcome = r.success
        ? retryResult<T>(true, r.value, r.attempts.length, seconds(r.totalTimeMs), undefined)
        : retryResult<T>(false, undefined, r.attempts.length, seconds(r.totalTimeMs), lastErrorOf(r));
    } catch (error) {
      // Bad arguments: reported in the result like any failure (this method never rejects).
      outcome = retryResult<T>(false, undefined, 0, seconds(clock.now() - started), error);
    }
    this.log.record({
      operationName,
      at: clock.now(),
      success: outcome.success,
      attempts: outcome.attempts,
      totalDuration: outcome.totalDuration,
      errorType: outcome.success ? null : errorTypeName(outcome.lastError),
      backoffStrategy: this.backoffStrategy,
    });
    return outcome;
  }

  /**
   * The legacy statistics over the last `hours` (legacy snake_case keys): totals, success
   * and retry rates, average attempts and duration (seconds), error types, configuration.
   * Without calls in the period: `{ time_period_hours, total_operations: 0, summary }`.
   */
  getRetryStatistics(hours = 24): RetryStatistics | EmptyRetryStatistics {
    const legacy = this.current.legacy;
    return this.log.statistics(hours, legacyClock().now(), this.backoffStrategy, {
      max_attempts: legacy.maxAttempts,
      base_delay: legacy.baseDelay,
      max_delay: legacy.maxDelay,
    });
  }

  /**
   * Changes the configuration for later calls (camelCase or snake_case keys, seconds).
   * @throws {@link RelConfigError} naming every bad value; nothing changes then.
   */
  updateConfiguration(changes: RetryManagerChanges): void {
    useLegacy('REL_DEP001');
    const issues: ValidationIssue[] = [];
    const read = keepLegacyFields(
      readLegacyRetryConfig(changes, 'changes', issues),
      USED,
      'RetryManager',
      [],
    );
    checkStrategy(read, issues);
    if (issues.length > 0) throw new RelConfigError(issues, 'RetryManager configuration');
    const next: Record<string, unknown> = { ...this.settings, ...read.settings };
    const sources: Record<string, string> = { ...this.sources, ...read.sources };
    if (read.settings.maxAttempts !== undefined) {
      delete next.maxRetries;
      delete sources.maxRetries;
    }
    const settings = next as LegacyRetrySettings;
    this.current = convert(settings, sources, this.ignored, RETRY_MANAGER_DEFAULT_RETRYABLE, this.random);
    this.settings = settings;
    this.sources = sources;
    this.profiles = new Map();
  }

  /**
   * The legacy health summary of the last hour: `healthy`; `degraded` when the success
   * rate is below 0.8; else `warning` when more than half the calls needed a retry.
   */
  getHealthStatus(): RetryManagerHealth {
    return retryManagerHealth(this.getRetryStatistics(1), legacyClock().now());
  }

  /** The profile of a call: the configured one, or one per distinct per-call override. */
  private profileFor(attempts: number | undefined, retryable: LegacyErrorSet): LegacyProfile {
    const key = `${attempts ?? ''}|${retryable === RETRY_ALL ? 'all' : 'default'}`;
    let profile = this.profiles.get(key);
    if (profile === undefined) {
      const base = this.current;
      const parts = ['retry_manager', base.legacy, attempts ?? null, retryable, this.random];
      profile = legacyProfile(this.service, parts, () =>
        attempts === undefined && retryable === RETRY_MANAGER_DEFAULT_RETRYABLE
          ? base
          : convert(
              attempts === undefined ? this.settings : { ...this.settings, maxAttempts: attempts },
              attempts === undefined
                ? this.sources
                : { ...this.sources, maxAttempts: 'maxAttempts (argument)' },
              this.ignored,
              retryable,
              this.random,
            ),
      );
      this.profiles.set(key, profile);
    }
    return profile;
  }

  /**
   * The canonical configuration this manager runs with (default retryable set), and how
   * each legacy field mapped: for migration reviews and the codemod.
   */
  toCanonical(): LegacyConversion {
    return this.current;
  }
}

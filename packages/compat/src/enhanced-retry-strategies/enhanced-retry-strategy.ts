import { RelConfigError, systemRandom, type Random } from '@rel/config';
import { guardOperation } from '../delegate/legacy-guard.js';
import { legacyClock, legacyInstance, type LegacyProfile } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { LegacyConversion } from '../legacy-config/convert.js';
import { EnhancedRetryConfig } from './enhanced-retry-config.js';
import { MEDIUM, type ErrorSeverity } from './error-severity.js';
import type { OperationType } from './operation-type.js';
import { internalContext, type RecoveryContextLike } from './recovery-context.js';
import {
  readStrategyConfig,
  type ReadStrategyConfig,
  type StrategyConfigInput,
  type StrategyRetryConfig,
} from './strategy-config.js';
import { enhancedStrategyDelay } from './strategy-delay.js';
import { strategyConversion, strategyProfile } from './strategy-profile.js';

/**
 * Additions of the compat layer to a strategy's constructor (the legacy one took only the config).
 * @deprecated Use the `random` of `ReliabilityManager` (`@rel/core`) and a service name per dependency. Removed in 2.0.0 (REL_DEP049).
 */
export interface StrategyOptions {
  /** Jitter source of `getRetryDelay` (and of the legacy DECORRELATED formula). @defaultValue `Math.random` */
  readonly random?: Random;
  /** The reliability instance `executeWithRetry` records under. @defaultValue `'retry_strategy'` */
  readonly service?: string;
}

/**
 * What `executeWithRetry` builds each failure's `RecoveryContext` from.
 * @deprecated Use `CallOptions` of `ReliabilityInstance#run` (`@rel/core`). Removed in 2.0.0 (REL_DEP049).
 */
export interface StrategyCallContext {
  /** Names the call in events and contexts. @defaultValue `'unknown'` */
  readonly operation_id?: string;
  readonly operationId?: string;
  readonly operation_type?: OperationType;
  readonly operationType?: OperationType;
  /** A severity, or a function of the failure giving one. @defaultValue `'medium'` */
  readonly severity?: ErrorSeverity | ((error: unknown) => ErrorSeverity);
  /** Metadata of every context; `status_code` defaults to the failure's HTTP status (`status`, `statusCode`, `response.status`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The HTTP status a failure carries, if any (what `ApiRetryStrategy` reads as `metadata.status_code`). */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; response?: { status?: unknown } };
  for (const v of [e.status, e.statusCode, e.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

/**
 * The Era A `EnhancedRetryStrategy` (core/retry_strategy_base): the abstract base of the
 * strategy family. Subclasses implement `shouldRetry(context)`; the base gives the delay
 * (`getRetryDelay`), the attempt history (`recordAttempt`) and, new here,
 * `executeWithRetry(operation, context)`, which runs the operation through a reliability
 * instance of the process default manager (`@rel/core`) so the strategy's retries are
 * canonical retries (health, metrics, retry events).
 *
 * Takes a shared Era A `RetryConfig` (any spelling, seconds; `max_retries` counts retries)
 * or an {@link EnhancedRetryConfig}.
 *
 * @deprecated Use a `RetryConfig` from `@rel/config` (`backoff`, `jitter`, `maxAttempts` =
 * retries + 1, `retryOn` / `neverRetryOn` matchers) run by
 * `getDefaultManager().get(name, { retry }).execute(op)` from `@rel/core`. Removed in 2.0.0 (REL_DEP049).
 * @example
 * ```ts
 * class NeverOnTuesday extends EnhancedRetryStrategy {
 *   shouldRetry(context: RecoveryContextLike): boolean {
 *     return new Date().getDay() !== 2;
 *   }
 * }
 * await new NeverOnTuesday({ max_retries: 2, base_delay: 0.5 }).executeWithRetry(() => sync(), { operation_id: 'sync' });
 * ```
 */
export abstract class EnhancedRetryStrategy {
  /** The resolved legacy config (snake_case, seconds). */
  readonly config: StrategyRetryConfig;
  /** Times of `recordAttempt` per operation id. */
  readonly attemptHistory = new Map<string, Date[]>();
  /** The jitter source of `getRetryDelay`. */
  readonly random: Random;
  /** The reliability instance name of `executeWithRetry`. */
  readonly service: string;
  /** The deprecation code a use of this object counts under. @internal */
  declare readonly deprecationCode: DeprecationCode;
  private readonly read: ReadStrategyConfig;
  private profile: LegacyProfile | undefined;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(config?: StrategyConfigInput | EnhancedRetryConfig, options: StrategyOptions = {}) {
    Object.defineProperty(this, 'deprecationCode', { value: this.legacyCode(), enumerable: false });
    useLegacy(this.deprecationCode);
    this.read =
      config instanceof EnhancedRetryConfig ? config.resolved : readStrategyConfig(config, 'config');
    this.config = this.read.config;
    this.random = options.random ?? systemRandom;
    this.service = options.service ?? 'retry_strategy';
  }

  /** The deprecation code of the class (overridden by subclasses). @internal */
  protected legacyCode(): DeprecationCode {
    return 'REL_DEP049';
  }

  /**
   * The most retries `shouldRetry` can ever allow (the canonical attempt limit is this + 1).
   * @defaultValue `config.max_retries`
   */
  protected retryCeiling(): number {
    return this.config.max_retries;
  }

  /** Whether the failure in `context` should be retried (the legacy `should_retry`). */
  abstract shouldRetry(context: RecoveryContextLike): boolean;

  /**
   * The delay (seconds) before the next retry, for `retryCount` retries already made
   * (0-based): `min(jitter(raw), max_delay)`, see the class docs of the family in the README.
   * @throws {@link RelConfigError} when `retryCount` is not an integer >= 0.
   */
  getRetryDelay(retryCount: number): number {
    useLegacy(this.deprecationCode);
    if (!(Number.isInteger(retryCount) && retryCount >= 0)) {
      throw new RelConfigError(
        [{ path: 'retry_count', received: retryCount, expected: 'an integer >= 0' }],
        'getRetryDelay',
      );
    }
    return enhancedStrategyDelay(retryCount, this.config, this.random);
  }

  /** Appends the current time (the default manager's clock) to the history of `operationId`. */
  recordAttempt(operationId: string): void {
    useLegacy(this.deprecationCode);
    const history = this.attemptHistory.get(operationId) ?? [];
    history.push(new Date(legacyClock().now()));
    this.attemptHistory.set(operationId, history);
  }

  /**
   * Runs `operation` with retries in the canonical engine, through a reliability instance
   * of the process default manager (`service`): each failure becomes a `RecoveryContext`
   * (retry count, severity, metadata) and `shouldRetry` decides; delays are this
   * strategy's. Resolves to the value; rejects with the operation's own last error (or a
   * typed `@rel` error when the dependency was never reached: an exhausted budget, a deadline).
   *
   * @param operation - the work (no arguments; sync or async).
   * @param context - names the call and sets the severity and metadata of its contexts.
   */
  async executeWithRetry<T>(
    operation: () => T | PromiseLike<T>,
    context: StrategyCallContext = {},
  ): Promise<T> {
    useLegacy(this.deprecationCode);
    if (typeof operation !== 'function') {
      throw new RelConfigError(
        [{ path: 'operation', received: operation, expected: 'a function () => value | Promise' }],
        'executeWithRetry',
      );
    }
    const operationId = context.operationId ?? context.operation_id ?? 'unknown';
    const operationType = context.operationType ?? context.operation_type;
    const startedAt = new Date(legacyClock().now());
    const given = context.metadata ?? {};
    let retries = 0;
    const guarded = guardOperation(operation, (error) => {
      const severity = typeof context.severity === 'function' ? context.severity(error) : context.severity;
      const status = given.status_code === undefined ? statusOf(error) : undefined;
      const recovery = internalContext({
        operationId,
        ...(operationType === undefined ? {} : { operationType }),
        error,
        severity: severity ?? MEDIUM,
        retryCount: retries++,
        maxRetries: this.config.max_retries,
        startedAt,
        metadata: status === undefined ? given : { ...given, status_code: status },
      });
      return this.shouldRetry(recovery);
    });
    const r = await legacyInstance(this.canonicalProfile()).run(guarded, { operation: operationId });
    if (r.success) return r.value;
    throw lastErrorOf(r);
  }

  /**
   * The canonical configuration `executeWithRetry` runs with (attempts, backoff, cap), and
   * a note per field. `shouldRetry` is applied around the operation per call, so the
   * config itself retries every operation failure.
   */
  toCanonical(): LegacyConversion {
    return strategyConversion(
      this.config,
      this.retryCeiling(),
      this.read.sources,
      this.read.notes,
      this.random,
      `${this.constructor.name}.shouldRetry`,
    );
  }

  private canonicalProfile(): LegacyProfile {
    this.profile ??= strategyProfile(this.service, this.config, this.retryCeiling(), this.random, () =>
      this.toCanonical(),
    );
    return this.profile;
  }
}

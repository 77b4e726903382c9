import { RelConfigError, systemRandom, type Random } from '@rel/config';
import { guardOperation } from '../delegate/legacy-guard.js';
import { legacyInstance, legacyProfile, type LegacyProfile } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { LegacyConversion } from '../legacy-config/convert.js';
import type { LegacyRetryConfigInput } from '../legacy-config/legacy-retry-config.js';
import {
  convertReliabilityRetry,
  ReliabilityRetryConfig,
  readReliabilityRetry,
  type ReliabilityRetrySettings,
} from './reliability-retry-config.js';

/**
 * Additions of the compat layer to the legacy constructor.
 * @deprecated Use the injected options of `UnifiedRetryHandler` (`@rel/retry`). Removed in 2.0.0.
 */
export interface RetryHandlerOptions {
  /** The name the calls are recorded under in `@rel/core`. @defaultValue 'reliability_retry' */
  readonly service?: string;
  /** Jitter source. @defaultValue `Math.random` */
  readonly random?: Random;
}

/**
 * The legacy `core/reliability_retry.RetryHandler`, doing what it was written to do (the
 * legacy one crashed on its first retry), through a reliability instance of the process
 * default manager (`@rel/core`):
 *
 * - attempts = `max_retries + 1` (or `max_attempts` of an Era B config);
 * - after the failed attempt of 0-based index `a`: wait `min(base·exponentialBase^a,
 *   maxDelay)`, plus up to 25 % when `jitter` is on (after the cap, as in the legacy code);
 * - an error the `errorClassifier` rejects is thrown at once; without a classifier every
 *   error is retried (as the legacy handler did);
 * - resolves to the value, or throws the operation's last error.
 *
 * @deprecated Use `ReliabilityInstance#execute` (`@rel/core`) or `UnifiedRetryHandler#execute`
 * (`@rel/retry`) with a `RetryConfig` (ms, total attempts). Removed in 2.0.0 (REL_DEP005).
 * @example
 * ```ts
 * const handler = new RetryHandler(ReliabilityRetryConfig.fromRetryConfig({ max_retries: 3, base_delay: 0.5, jitter: false }));
 * const rows = await handler.executeWithRetry(() => db.query(sql), 'load_rows', (e) => !(e instanceof SyntaxError));
 * ```
 */
export class RetryHandler {
  /** The configuration as given. */
  readonly config: ReliabilityRetryConfig | LegacyRetryConfigInput;
  private readonly resolved: ReliabilityRetrySettings;
  private readonly service: string;
  private readonly random: Random;
  private readonly conversion: LegacyConversion;
  private readonly profile: LegacyProfile;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(config: ReliabilityRetryConfig | LegacyRetryConfigInput, options: RetryHandlerOptions = {}) {
    useLegacy('REL_DEP005');
    this.config = config;
    this.resolved =
      config instanceof ReliabilityRetryConfig
        ? config.resolved
        : readReliabilityRetry(config, undefined, 'config');
    this.service = options.service ?? 'reliability_retry';
    this.random = options.random ?? systemRandom;
    this.conversion = convertReliabilityRetry(this.resolved, this.random);
    const conversion = this.conversion;
    this.profile = legacyProfile(
      this.service,
      ['reliability_retry', conversion.legacy, this.random],
      () => conversion,
    );
  }

  /**
   * Runs `fn` with retries; resolves to its value or throws its last error.
   *
   * @param fn - the work (no arguments; sync or async).
   * @param operationName - names the call in logs and events. @defaultValue 'operation'
   * @param errorClassifier - `(error) => boolean`: false stops at once. @defaultValue retry every error
   */
  async executeWithRetry<T>(
    fn: () => T | PromiseLike<T>,
    operationName = 'operation',
    errorClassifier?: (error: unknown) => boolean,
  ): Promise<T> {
    useLegacy('REL_DEP005');
    if (typeof fn !== 'function') {
      throw new RelConfigError(
        [{ path: 'func', received: fn, expected: 'a function () => value | Promise' }],
        'executeWithRetry arguments',
      );
    }
    if (errorClassifier !== undefined && typeof errorClassifier !== 'function') {
      throw new RelConfigError(
        [{ path: 'errorClassifier', received: errorClassifier, expected: 'a function (error) => boolean' }],
        'executeWithRetry arguments',
      );
    }
    const op = errorClassifier === undefined ? () => fn() : guardOperation(fn, errorClassifier);
    const r = await legacyInstance(this.profile).run(op, { operation: operationName });
    if (r.success) return r.value;
    throw lastErrorOf(r);
  }

  /** The canonical configuration and how each legacy field mapped. */
  toCanonical(): LegacyConversion {
    return this.conversion;
  }
}

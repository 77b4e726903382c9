import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { EnhancedRetryConfig } from './enhanced-retry-config.js';
import { EnhancedRetryStrategy, type StrategyOptions } from './enhanced-retry-strategy.js';
import { CRITICAL } from './error-severity.js';
import { lowerMessage } from './message-terms.js';
import { toContext, type RecoveryContextLike } from './recovery-context.js';
import type { StrategyConfigInput } from './strategy-config.js';

/**
 * The message words that make up an error pattern, in order.
 * @deprecated Use the failure kinds of `@rel/retry`'s classifier and the canonical health windows of `@rel/health`. Removed in 2.0.0 (REL_DEP053).
 */
export const ADAPTIVE_PATTERN_TERMS: readonly string[] = Object.freeze([
  'connection',
  'timeout',
  'memory',
  'permission',
  'not found',
]);

/** The highest retry limit a low failure rate raises to (legacy `min(max_retries + 1, 5)`). */
const RAISED_LIMIT = 5;
/** The limit a high failure rate lowers to (legacy `min(max_retries, 2)`). */
const LOWERED_LIMIT = 2;

/**
 * The Era A `AdaptiveRetryStrategy` (core/retry_strategy_adaptive): learns per error
 * pattern (`"<ErrorType>:<terms>"`, the terms of {@link ADAPTIVE_PATTERN_TERMS} found in the
 * lower-cased message, joined by `:`) from `recordSuccess` / `recordFailure`.
 * `shouldRetry(context)`:
 * 1. `retryCount >= maxRetries` → no;
 * 2. failure rate of the error's pattern = failures / (failures + successes), 0.5 when
 *    unseen: above 0.8 → `maxRetries = min(maxRetries, 2)`; below 0.3 →
 *    `maxRetries = min(maxRetries + 1, 5)` (for later decisions);
 * 3. severity `critical` → no; otherwise yes.
 *
 * Behaviour change: the adjusted limit is this strategy's own `maxRetries`; the legacy
 * strategy wrote it into the shared `RetryConfig` (`config.max_retries`), changing every
 * strategy built from the same config (all `DEFAULT_RETRY_CONFIGS` users). `config` is
 * never modified here (it is frozen).
 *
 * @deprecated Use a `RetryConfig` from `@rel/config` with the canonical retry budget
 * (`budget`), which backs off retries under a high failure rate for every caller, run by
 * `getDefaultManager().get(name, { retry })` from `@rel/core`. Removed in 2.0.0 (REL_DEP053).
 * @example
 * ```ts
 * const adaptive = new AdaptiveRetryStrategy({ max_retries: 3 });
 * adaptive.recordFailure(adaptive.extractErrorPattern(new Error('connection reset')));
 * adaptive.shouldRetry({ error: new Error('connection reset'), retry_count: 0 }); // true, maxRetries now 2
 * ```
 */
export class AdaptiveRetryStrategy extends EnhancedRetryStrategy {
  /** Failed retries per error pattern. */
  readonly failurePatterns = new Map<string, number>();
  /** Successful retries per error pattern. */
  readonly successPatterns = new Map<string, number>();
  private limit: number;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(config?: StrategyConfigInput | EnhancedRetryConfig, options: StrategyOptions = {}) {
    super(config, options);
    this.limit = this.config.max_retries;
  }

  /** @internal */
  protected override legacyCode(): DeprecationCode {
    return 'REL_DEP053';
  }

  /** The current retry limit (starts at `config.max_retries`, adapted by `shouldRetry`). */
  get maxRetries(): number {
    return this.limit;
  }

  /** Adaptation never goes above `max(max_retries, 5)`, so that is the canonical ceiling. @internal */
  protected override retryCeiling(): number {
    return Math.max(this.config.max_retries, RAISED_LIMIT);
  }

  /** The adaptive rule (see the class docs). */
  shouldRetry(context: RecoveryContextLike): boolean {
    useLegacy(this.deprecationCode);
    const ctx = toContext(context);
    if (ctx.retryCount >= this.limit) return false;
    const rate = this.failureRate(this.extractErrorPattern(ctx.error));
    if (rate > 0.8) this.limit = Math.min(this.limit, LOWERED_LIMIT);
    else if (rate < 0.3) this.limit = Math.min(this.limit + 1, RAISED_LIMIT);
    return ctx.severity !== CRITICAL;
  }

  /** Counts a successful retry of `errorPattern`. */
  recordSuccess(errorPattern: string): void {
    useLegacy(this.deprecationCode);
    this.successPatterns.set(errorPattern, (this.successPatterns.get(errorPattern) ?? 0) + 1);
  }

  /** Counts a failed retry of `errorPattern`. */
  recordFailure(errorPattern: string): void {
    useLegacy(this.deprecationCode);
    this.failurePatterns.set(errorPattern, (this.failurePatterns.get(errorPattern) ?? 0) + 1);
  }

  /**
   * The pattern key of an error: `"<type name>:<terms>"` (the legacy private
   * `_extract_error_pattern`; public here, since `recordSuccess` / `recordFailure` take its keys).
   * @example
   * ```ts
   * adaptive.extractErrorPattern(new TypeError('Connection timeout')); // 'TypeError:connection:timeout'
   * ```
   */
  extractErrorPattern(error: unknown): string {
    // Python's type(error).__name__: the class name, which for JS errors is the constructor's.
    const type =
      typeof error === 'object' && error !== null ? (error.constructor?.name ?? 'Object') : typeof error;
    const text = lowerMessage(error);
    return `${type}:${ADAPTIVE_PATTERN_TERMS.filter((t) => text.includes(t)).join(':')}`;
  }

  /** failures / (failures + successes) of a pattern, 0.5 when never seen. */
  private failureRate(pattern: string): number {
    const failures = this.failurePatterns.get(pattern) ?? 0;
    const total = failures + (this.successPatterns.get(pattern) ?? 0);
    return total > 0 ? failures / total : 0.5;
  }
}

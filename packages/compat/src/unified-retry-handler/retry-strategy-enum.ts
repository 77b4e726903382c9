import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = {
  FIXED: 'fixed',
  LINEAR: 'linear',
  EXPONENTIAL: 'exponential',
  EXPONENTIAL_JITTER: 'exponential_jitter',
  FIBONACCI: 'fibonacci',
  ADAPTIVE: 'adaptive',
  CUSTOM: 'custom',
} as const;

/**
 * The legacy unified handler's `RetryStrategy` enum (an `as const` object here). At the
 * package root it is `UnifiedRetryStrategy`, because `RetryStrategy` there is the LLM
 * strategy class; `@rel/compat/unified-retry-handler` exports it under its legacy name.
 *
 * `EXPONENTIAL_JITTER` is exponential with `± jitterRange` jitter; `ADAPTIVE` behaves as
 * `EXPONENTIAL` and `CUSTOM` as `FIXED`, as in the legacy handler.
 *
 * @deprecated Use `RetryConfig.backoff` / `RetryConfig.jitter` (`BACKOFF_STRATEGIES`,
 * `JITTER_KINDS`) from `@rel/config`. Removed in 2.0.0 (REL_DEP017).
 * @example
 * ```ts
 * new RetryConfig({ strategy: RetryStrategy.FIBONACCI });
 * ```
 */
export const RetryStrategy: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP017');

/**
 * A value of the unified handler's {@link RetryStrategy} enum.
 * @deprecated Use `BackoffStrategy` from `@rel/config`. Removed in 2.0.0 (REL_DEP017).
 */
export type RetryStrategy = (typeof VALUES)[keyof typeof VALUES];

/** The values, without counting a use. @internal */
export const UNIFIED_STRATEGY_VALUES: readonly RetryStrategy[] = Object.values(VALUES);

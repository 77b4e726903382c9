import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = {
  FIXED: 'fixed',
  LINEAR: 'linear',
  EXPONENTIAL: 'exponential',
  EXPONENTIAL_JITTER: 'exponential_jitter',
} as const;

/**
 * The legacy agents `RetryManager` backoff strategies (was a Python `Enum`; here an
 * `as const` object with the same member names and string values).
 *
 * | member | delay after `a` failed attempts (then capped at maxDelay) |
 * | --- | --- |
 * | `FIXED` | `base` |
 * | `LINEAR` | `base * a` |
 * | `EXPONENTIAL` | `base * 2^(a-1)` |
 * | `EXPONENTIAL_JITTER` (default) | `e + e * U(0.1, 0.5)`, `e = base * 2^(a-1)` |
 *
 * @deprecated Use `RetryConfig.backoff` (`'fixed' | 'linear' | 'exponential'`) with
 * `RetryConfig.jitter` from `@rel/config`. Removed in 2.0.0 (REL_DEP002).
 * @example
 * ```ts
 * new RetryManager({ backoffStrategy: BackoffStrategy.LINEAR });
 * ```
 */
export const BackoffStrategy: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP002');

/**
 * One of the {@link BackoffStrategy} values.
 * @deprecated Use `BackoffStrategy` of `@rel/config` (`RetryConfig.backoff`). Removed in 2.0.0 (REL_DEP002).
 */
export type BackoffStrategy = (typeof VALUES)[keyof typeof VALUES];

/** The strategy values, without counting a use. @internal */
export const BACKOFF_STRATEGY_VALUES: readonly BackoffStrategy[] = Object.values(VALUES);

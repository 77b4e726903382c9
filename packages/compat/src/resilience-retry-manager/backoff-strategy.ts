import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = {
  LINEAR: 'linear',
  EXPONENTIAL: 'exponential',
  FIXED: 'fixed',
  RANDOM: 'random',
} as const;

/**
 * The `BackoffStrategy` enum of the legacy `core/resilience/retry_manager` (a `str` enum
 * there; here an `as const` object with the same members and values). At the package
 * root it is `ResilienceBackoffStrategy` (the agents manager's `BackoffStrategy` is a
 * different enum).
 *
 * | member | raw delay before the jitter, for the failed attempt `n` (1-based) |
 * | --- | --- |
 * | `LINEAR` | `base * n` |
 * | `EXPONENTIAL` (default) | `base * multiplier^(n-1)` |
 * | `FIXED` | `base` |
 * | `RANDOM` | `U(base, max)` |
 *
 * @deprecated Use `RetryConfig.backoff` (`'fixed' | 'linear' | 'exponential'`) from
 * `@rel/config`. Removed in 2.0.0 (REL_DEP065).
 * @example
 * ```ts
 * new RetryConfig({ backoff_strategy: BackoffStrategy.LINEAR, base_delay_seconds: 0.5 });
 * ```
 */
export const BackoffStrategy: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP065');

/**
 * One of the {@link BackoffStrategy} values.
 * @deprecated Use `BackoffStrategy` of `@rel/config` (`RetryConfig.backoff`). Removed in 2.0.0 (REL_DEP065).
 */
export type BackoffStrategy = (typeof VALUES)[keyof typeof VALUES];

/** The strategy values, without counting a use. @internal */
export const RESILIENCE_STRATEGY_VALUES: readonly BackoffStrategy[] = Object.values(VALUES);

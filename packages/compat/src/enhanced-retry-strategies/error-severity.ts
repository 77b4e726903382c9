import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = {
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
} as const;

/**
 * The legacy `core/error_codes.ErrorSeverity` (the same in both eras; a Python `Enum`, here
 * an `as const` object with the same members and values). Every strategy of this family
 * refuses a retry for `CRITICAL` (the database strategy before anything else; the memory
 * and adaptive strategies after their own checks).
 *
 * @deprecated Use the failure kinds of `@rel/retry`'s classifier (`transient`,
 * `rate_limited`, `permanent`, ...) and `neverRetryOn` matchers of `RetryConfig` from
 * `@rel/config`. Removed in 2.0.0 (REL_DEP061).
 * @example
 * ```ts
 * strategy.shouldRetry(new RecoveryContext({ operation_id: 'q1', error, severity: ErrorSeverity.CRITICAL })); // false
 * ```
 */
export const ErrorSeverity: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP061');

/**
 * One of the {@link ErrorSeverity} values (`'low' | 'medium' | 'high' | 'critical'`).
 * @deprecated Use the failure kinds of `@rel/retry`'s classifier. Removed in 2.0.0 (REL_DEP061).
 */
export type ErrorSeverity = (typeof VALUES)[keyof typeof VALUES];

/** The values, without counting a use. @internal */
export const ERROR_SEVERITY_VALUES: readonly ErrorSeverity[] = Object.freeze(Object.values(VALUES));

/** `ErrorSeverity.CRITICAL`, without counting a use. @internal */
export const CRITICAL: ErrorSeverity = VALUES.CRITICAL;

/** `ErrorSeverity.MEDIUM`, without counting a use (the severity of a call that names none). @internal */
export const MEDIUM: ErrorSeverity = VALUES.MEDIUM;

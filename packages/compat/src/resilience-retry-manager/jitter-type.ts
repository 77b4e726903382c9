import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = {
  NONE: 'none',
  FULL: 'full',
  EQUAL: 'equal',
  DECORRELATED: 'decorrelated',
} as const;

/**
 * The `JitterType` enum of the legacy `core/resilience/retry_manager` (an `as const`
 * object here). At the package root it is `ResilienceJitterType`.
 *
 * Careful: `EQUAL` in **this** module meant ±10 % (`d + U(-0.1·d, 0.1·d)`), not the
 * usual "half plus a random half" of the other legacy modules and of `@rel/config`.
 *
 * | member | delay `d` becomes (then capped at the max delay) |
 * | --- | --- |
 * | `NONE` | `d` |
 * | `FULL` | `U(0, d)` |
 * | `EQUAL` (default) | `d + U(-0.1·d, 0.1·d)` |
 * | `DECORRELATED` | `U(base, 3·d)` |
 *
 * @deprecated Use `RetryConfig.jitter` (`'none' | 'full' | 'equal' | 'proportional'`) from
 * `@rel/config`; this module's `EQUAL` is `'proportional'` with `jitterRange: 0.1`. Removed in 2.0.0 (REL_DEP066).
 * @example
 * ```ts
 * new RetryConfig({ jitter_type: JitterType.NONE });
 * ```
 */
export const JitterType: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP066');

/**
 * One of the {@link JitterType} values.
 * @deprecated Use `JitterKind` of `@rel/config` (`RetryConfig.jitter`). Removed in 2.0.0 (REL_DEP066).
 */
export type JitterType = (typeof VALUES)[keyof typeof VALUES];

/** The jitter values, without counting a use. @internal */
export const RESILIENCE_JITTER_VALUES: readonly JitterType[] = Object.values(VALUES);

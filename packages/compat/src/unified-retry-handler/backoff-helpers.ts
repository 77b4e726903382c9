import { useLegacy } from '../deprecation/warn-once.js';

/**
 * The legacy pure helper `exponential_backoff(attempt, base_delay=1.0, multiplier=2.0,
 * max_delay=60.0)` of `core/resilience/unified_retry_handler`: the delay (seconds) for the
 * 1-based `attempt`, `min(baseDelay * multiplier^(attempt-1), maxDelay)`. Pure (no jitter,
 * no clock); only the first call of the process warns.
 *
 * @see the legacy `unified_retry_handler.py` `exponential_backoff` (inventory §2.1)
 * @deprecated Use `RetryConfig { backoff: 'exponential' }` from `@rel/config`; `@rel/retry`
 * computes the delays (ms). Removed in 2.0.0 (REL_DEP069).
 * @example
 * ```ts
 * [1, 2, 3, 4, 7].map((n) => exponentialBackoff(n)); // [1, 2, 4, 8, 60]
 * exponentialBackoff(3, 0.5, 3, 10); // 4.5
 * ```
 */
export function exponentialBackoff(
  attempt: number,
  baseDelay = 1.0,
  multiplier = 2.0,
  maxDelay = 60.0,
): number {
  useLegacy('REL_DEP069');
  return Math.min(baseDelay * multiplier ** (attempt - 1), maxDelay);
}

/**
 * The legacy pure helper `linear_backoff(attempt, base_delay=1.0, increment=1.0,
 * max_delay=60.0)` of `core/resilience/unified_retry_handler`: the delay (seconds) for the
 * 1-based `attempt`, `min(baseDelay + increment * (attempt-1), maxDelay)`. Note that this is
 * not the canonical `linear` backoff (`base * attempt`) unless `increment == baseDelay`.
 *
 * @see the legacy `unified_retry_handler.py` `linear_backoff` (inventory §2.1)
 * @deprecated Use `RetryConfig { backoff: 'linear' }` from `@rel/config`; `@rel/retry`
 * computes the delays (ms). Removed in 2.0.0 (REL_DEP070).
 * @example
 * ```ts
 * [1, 2, 3].map((n) => linearBackoff(n, 0.5, 0.25)); // [0.5, 0.75, 1]
 * ```
 */
export function linearBackoff(attempt: number, baseDelay = 1.0, increment = 1.0, maxDelay = 60.0): number {
  useLegacy('REL_DEP070');
  return Math.min(baseDelay + increment * (attempt - 1), maxDelay);
}

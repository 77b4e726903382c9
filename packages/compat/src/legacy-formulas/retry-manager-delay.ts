import type { Random } from '@rel/config';

/** The strategies of the legacy agents `RetryManager` (`BackoffStrategy` values). */
export type RetryManagerStrategy = 'fixed' | 'linear' | 'exponential' | 'exponential_jitter';

/**
 * The legacy agents `RetryManager` delay (seconds) before the next attempt, after `a`
 * failed attempts (a >= 1), capped at `maxDelay`:
 * - `fixed`: `base`
 * - `linear`: `base * a`
 * - `exponential`: `base * 2^(a-1)`
 * - `exponential_jitter`: `e + e * U(0.1, 0.5)` with `e = base * 2^(a-1)` (always 10-50 % more)
 *
 * @see the legacy `agents/base/retry_manager.py` `_calculate_delay` (inventory §2.2)
 * @example
 * ```ts
 * retryManagerDelay('exponential', 3, 1, 60, Math.random); // 4
 * retryManagerDelay('exponential_jitter', 1, 1, 60, () => 0.5); // 1.3
 * ```
 */
export function retryManagerDelay(
  strategy: RetryManagerStrategy,
  a: number,
  base: number,
  maxDelay: number,
  random: Random,
): number {
  let delay: number;
  switch (strategy) {
    case 'fixed':
      delay = base;
      break;
    case 'linear':
      delay = base * a;
      break;
    case 'exponential':
      delay = base * 2 ** (a - 1);
      break;
    case 'exponential_jitter': {
      const e = base * 2 ** (a - 1);
      delay = e + e * (0.1 + 0.4 * random());
      break;
    }
  }
  return Math.min(delay, maxDelay);
}

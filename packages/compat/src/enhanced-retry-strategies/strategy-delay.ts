import type { Random } from '@rel/config';
import {
  decorrelatedDelay,
  equalJitter,
  exponentialDelay,
  fibonacciDelay,
  fixedDelay,
  fullJitter,
  linearDelay,
} from '@rel/retry';
import type { StrategyRetryConfig } from './strategy-config.js';

// The canonical formulas of @rel/retry are unit-free (their names say ms because the
// canonical config is in ms); the legacy family computed in seconds, and so does this file.

/**
 * The raw Era A strategy delay (seconds) for the 0-based retry count `rc`, before jitter:
 * EXPONENTIAL `base·2^rc` (the multiplier is always 2: the legacy code ignored
 * `backoff_factor`), LINEAR `base·(rc+1)`, FIBONACCI `base·F(rc+1)` with F(1) = F(2) = 1,
 * anything else (FIXED, ...) `base`.
 * @see the legacy `core/retry_strategy_base.py` `_calculate_base_delay` (inventory §2.8)
 * @internal
 */
export function rawStrategyDelay(rc: number, config: StrategyRetryConfig): number {
  const attempt = rc + 1;
  switch (config.backoff_strategy) {
    case 'exponential':
      return exponentialDelay(attempt, config.base_delay, 2);
    case 'linear':
      return linearDelay(attempt, config.base_delay);
    case 'fibonacci':
      return fibonacciDelay(attempt, config.base_delay);
    default:
      return fixedDelay(attempt, config.base_delay);
  }
}

/**
 * The Era A `EnhancedRetryStrategy.get_retry_delay(rc)` (seconds):
 * `min(jitter(raw(rc)), max_delay)`, jitter being NONE `d`; FULL `U(0, d)`; EQUAL
 * `d/2 + U(0, d/2)`; DECORRELATED `U(base, 3p)` with `p = d` for rc = 0 and `d/2` after
 * (the legacy "previous delay", derived from the raw delay, not the last wait).
 *
 * @param rc - retries already made (0 before the first retry).
 * @param random - uniform in [0, 1).
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (the jitters)
 * @example
 * ```ts
 * enhancedStrategyDelay(2, { ...ERA_A_DEFAULTS, jitter_type: 'none' }, Math.random); // 4
 * ```
 * @internal
 */
export function enhancedStrategyDelay(rc: number, config: StrategyRetryConfig, random: Random): number {
  const d = rawStrategyDelay(rc, config);
  let jittered: number;
  switch (config.jitter_type) {
    case 'none':
      jittered = d;
      break;
    case 'full':
      jittered = fullJitter(d, random);
      break;
    case 'equal':
      jittered = equalJitter(d, random);
      break;
    case 'decorrelated': {
      // 3p >= base always holds here (p >= base/2), so the canonical AWS draw U(base, 3p)
      // is the legacy one; the cap is applied below, after the draw, as legacy did.
      const previous = rc === 0 ? d : d / 2;
      jittered = decorrelatedDelay(previous, config.base_delay, Infinity, random);
      break;
    }
  }
  return Math.min(jittered, config.max_delay);
}

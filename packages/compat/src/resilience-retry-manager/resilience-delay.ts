import type { Random } from '@rel/config';
import type { BackoffStrategy } from './backoff-strategy.js';
import type { JitterType } from './jitter-type.js';

/** The numbers {@link resilienceDelay} reads (seconds). @internal */
export interface ResilienceDelayInput {
  readonly strategy: BackoffStrategy;
  readonly jitter: JitterType;
  readonly baseDelay: number;
  readonly maxDelay: number;
  readonly multiplier: number;
}

/**
 * The legacy `core/resilience/retry_manager` delay (seconds) after the failed attempt `n`
 * (1-based): the strategy's raw delay, then the jitter, then the cap.
 *
 * - raw: fixed `base`; linear `base·n`; exponential `base·mult^(n-1)`; random `U(base, max)`
 * - jitter: none `d`; full `U(0, d)`; equal `d + U(-0.1·d, 0.1·d)` (±10 %, this module's
 *   own meaning); decorrelated `U(base, 3·d)`
 * - then `min(d, max)`.
 *
 * `U(a, b)` is `a + (b - a)·random()`, as Python's `random.uniform`. Pure: the random
 * source is the caller's.
 *
 * @see the legacy `core/resilience/retry_manager.py` `_calculate_delay` / `_apply_jitter` (inventory §2.9)
 * @example
 * ```ts
 * const c = { strategy: 'exponential', jitter: 'none', baseDelay: 1, maxDelay: 60, multiplier: 2 } as const;
 * [1, 2, 3, 4].map((n) => resilienceDelay(c, n, Math.random)); // [1, 2, 4, 8]
 * ```
 * @internal
 */
export function resilienceDelay(c: ResilienceDelayInput, n: number, random: Random): number {
  const uniform = (a: number, b: number): number => a + (b - a) * random();
  let d: number;
  switch (c.strategy) {
    case 'fixed':
      d = c.baseDelay;
      break;
    case 'linear':
      d = c.baseDelay * n;
      break;
    case 'exponential':
      d = c.baseDelay * c.multiplier ** (n - 1);
      break;
    case 'random':
      d = uniform(c.baseDelay, c.maxDelay);
      break;
  }
  switch (c.jitter) {
    case 'none':
      break;
    case 'full':
      d = uniform(0, d);
      break;
    case 'equal':
      d = d + uniform(-0.1 * d, 0.1 * d);
      break;
    case 'decorrelated':
      d = uniform(c.baseDelay, 3 * d);
      break;
  }
  return Math.min(d, c.maxDelay);
}

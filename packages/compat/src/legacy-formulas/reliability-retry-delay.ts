import type { Random } from '@rel/config';

/**
 * The legacy reliability-retry `RetryHandler` delay (seconds) after the failed attempt of
 * 0-based index `a`: `min(base * exponentialBase^a, maxDelay)`, then, when `jitter` is on,
 * plus `d * 0.25 * U[0, 1)`. The jitter comes after the cap, so a delay can be up to 25 %
 * over `maxDelay`, as in the legacy handler.
 *
 * @see the legacy `core/reliability_retry.py` `RetryHandler` (inventory §2.3)
 * @example
 * ```ts
 * reliabilityRetryDelay(2, 1, 2, 60, false, Math.random); // 4
 * reliabilityRetryDelay(0, 1, 2, 60, true, () => 0.5); // 1.125
 * ```
 */
export function reliabilityRetryDelay(
  a: number,
  base: number,
  exponentialBase: number,
  maxDelay: number,
  jitter: boolean,
  random: Random,
): number {
  const delay = Math.min(base * exponentialBase ** a, maxDelay);
  return jitter ? delay + delay * 0.25 * random() : delay;
}

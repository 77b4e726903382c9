import type { Random } from '@rel/config';

/**
 * The legacy LLM `RetryStrategy` delay (seconds) after the failed attempt `attempt`
 * (1-based): `min(base * factor^(attempt-1) * U(lo, hi), maxDelay)`: multiplicative jitter
 * (x0.5 to x1.5 by default), then the cap.
 *
 * @see the legacy `llm/enhanced_retry.py` `RetryStrategy.calculate_delay` (inventory §2.4)
 * @example
 * ```ts
 * llmDelay(3, 1, 2, 60, [0.5, 1.5], () => 0.5); // 4 (1 * 2^2 * 1.0)
 * ```
 */
export function llmDelay(
  attempt: number,
  base: number,
  factor: number,
  maxDelay: number,
  jitterRange: readonly [number, number],
  random: Random,
): number {
  const [lo, hi] = jitterRange;
  return Math.min(base * factor ** (attempt - 1) * (lo + (hi - lo) * random()), maxDelay);
}

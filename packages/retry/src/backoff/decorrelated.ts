import type { Random } from '@rel/config';

/**
 * AWS "decorrelated jitter": each wait is drawn between the base delay and three times the
 * previous wait, then capped.
 *
 * `delay = min(cap, U(base, 3 * prev))`, with `prev` starting at `base` (so the first wait
 * is in [base, 3 * base)). It is random by construction, so no further jitter is applied.
 *
 * (cockatiel's `decorrelatedJitterGenerator` is a different formula, Polly's
 * "DecorrelatedJitterV2", and reads `Math.random` directly, which a seeded test cannot
 * control; this is the AWS formula with an injected random source.)
 *
 * @param previousDelayMs - the previous wait (ms); 0 or less means "none yet" and uses `base`.
 * @param baseDelayMs - the lower bound (ms).
 * @param maxDelayMs - the cap (ms).
 * @param random - uniform in [0, 1).
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (Decorrelated Jitter)
 * @example
 * ```ts
 * decorrelatedDelay(0, 100, 10_000, () => 0.5); // 200 = 100 + 0.5 * (300 - 100)
 * ```
 */
export function decorrelatedDelay(
  previousDelayMs: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: Random,
): number {
  const prev = previousDelayMs > 0 ? previousDelayMs : baseDelayMs;
  // With prev >= base the range is [base, 3 * prev); if a custom cap left prev below base,
  // the upper bound still never drops under base.
  const upper = Math.max(baseDelayMs, prev * 3);
  return Math.min(maxDelayMs, baseDelayMs + random() * (upper - baseDelayMs));
}

/**
 * Exponential backoff: the wait is multiplied by `multiplier` after every failure.
 *
 * `delay(a) = base * multiplier^(a - 1)` for the 1-based attempt `a` that just failed, so
 * the first wait is the base delay.
 *
 * | attempt that failed | 1 | 2 | 3 | 4 | 5 |
 * | --- | --- | --- | --- | --- | --- |
 * | wait, base 1 s, x2 | 1 s | 2 s | 4 s | 8 s | 16 s |
 * | wait, base 2 s, x2.5 (LLM policy) | 2 s | 5 s | 12.5 s | 31.25 s | 78.1 s |
 *
 * The default strategy (with full jitter on top, then the cap). Large exponents overflow to
 * `Infinity`, which `maxDelayMs` then bounds, so no attempt number breaks it.
 *
 * (cockatiel's `noJitterGenerator` computes `initialDelay * 2^n` and ignores its own
 * `exponent` option in 3.2.1, so it cannot serve the `multiplier` field; the formula is one
 * line and is written here. A test checks both give the same numbers for x2.)
 *
 * @param attempt - 1-based number of the attempt that just failed.
 * @param baseDelayMs - the first delay (ms).
 * @param multiplier - growth factor (>= 1).
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (expo)
 * @example
 * ```ts
 * exponentialDelay(4, 1_000, 2); // 8000
 * ```
 */
export function exponentialDelay(attempt: number, baseDelayMs: number, multiplier: number): number {
  return baseDelayMs * multiplier ** (attempt - 1);
}

/**
 * Exponential backoff: the wait is multiplied by `multiplier` after every failure.
 *
 * `delay(a) = base * multiplier^(a - 1)` for the 1-based attempt `a` that just failed, so
 * the first wait is the base delay (1 s, 2 s, 4 s, 8 s ... with base 1 s and x2). Large
 * exponents overflow to `Infinity`, which the cap then bounds.
 *
 * (cockatiel's `noJitterGenerator` computes `initialDelay * 2^n` and ignores its own
 * `exponent` option in 3.2.1, so it cannot serve the `multiplier` field; the formula is one
 * line and is written here.)
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

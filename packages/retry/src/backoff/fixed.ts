/**
 * Fixed backoff: every wait is the base delay.
 *
 * `delay(a) = base` for every 1-based attempt `a` that just failed.
 *
 * @param _attempt - 1-based number of the attempt that just failed (unused; kept for a uniform shape).
 * @param baseDelayMs - the delay (ms).
 * @returns `baseDelayMs`
 * @see https://learn.microsoft.com/en-us/dotnet/api/polly.delaybackofftype (Constant)
 * @example
 * ```ts
 * fixedDelay(3, 1_000); // 1000
 * ```
 */
export function fixedDelay(_attempt: number, baseDelayMs: number): number {
  return baseDelayMs;
}

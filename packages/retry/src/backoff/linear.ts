/**
 * Linear backoff: the wait grows by the base delay after every failure.
 *
 * `delay(a) = base * a` for the 1-based attempt `a` that just failed (1 s, 2 s, 3 s, ...
 * with a 1 s base), the legacy `LINEAR` strategy.
 *
 * @param attempt - 1-based number of the attempt that just failed.
 * @param baseDelayMs - the step (ms).
 * @see https://learn.microsoft.com/en-us/dotnet/api/polly.delaybackofftype (Linear)
 * @example
 * ```ts
 * linearDelay(3, 1_000); // 3000
 * ```
 */
export function linearDelay(attempt: number, baseDelayMs: number): number {
  return baseDelayMs * attempt;
}

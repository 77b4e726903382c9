/**
 * Linear backoff: the wait grows by the base delay after every failure.
 *
 * `delay(a) = base * a` for the 1-based attempt `a` that just failed.
 *
 * | attempt that failed | 1 | 2 | 3 | 4 |
 * | --- | --- | --- | --- | --- |
 * | wait, base 1 s | 1 s | 2 s | 3 s | 4 s |
 *
 * The legacy `LINEAR` strategy (`base_delay * n`). It backs off more gently than
 * exponential, which suits short outages with few attempts; the total wait before the
 * n-th retry is `base * n(n+1)/2`. The result is then jittered and capped by `maxDelayMs`.
 *
 * @param attempt - 1-based number of the attempt that just failed.
 * @param baseDelayMs - the step (ms).
 * @returns `baseDelayMs * attempt`
 * @see https://learn.microsoft.com/en-us/dotnet/api/polly.delaybackofftype (Linear)
 * @example
 * ```ts
 * linearDelay(3, 1_000); // 3000
 * ```
 */
export function linearDelay(attempt: number, baseDelayMs: number): number {
  return baseDelayMs * attempt;
}

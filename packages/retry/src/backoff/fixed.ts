/**
 * Fixed backoff: every wait is the base delay.
 *
 * `delay(a) = base` for every 1-based attempt `a` that just failed.
 *
 * | attempt that failed | 1 | 2 | 3 | 4 |
 * | --- | --- | --- | --- | --- |
 * | wait, base 1 s | 1 s | 1 s | 1 s | 1 s |
 *
 * The legacy `FIXED` strategy. It suits a dependency that recovers on a known cadence (a
 * leader election, a cache refill) and little else: without growth, a long outage is
 * probed at the same rate throughout, so keep the retry budget on. Jitter, when configured,
 * still applies on top, and the result is capped by `maxDelayMs` like every strategy.
 *
 * @param _attempt - 1-based number of the attempt that just failed (unused; every
 *   strategy has the same shape).
 * @param baseDelayMs - the delay (ms).
 * @returns `baseDelayMs`
 * @see https://learn.microsoft.com/en-us/dotnet/api/polly.delaybackofftype (Constant)
 * @example
 * ```ts
 * fixedDelay(3, 1_000); // 1000
 * new UnifiedRetryHandler('leader', { backoff: 'fixed', baseDelayMs: 500, jitter: 'none' });
 * ```
 */
export function fixedDelay(_attempt: number, baseDelayMs: number): number {
  return baseDelayMs;
}

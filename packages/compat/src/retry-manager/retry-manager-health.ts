import type { EmptyRetryStatistics, RetryStatistics } from './retry-statistics.js';

/**
 * The legacy `RetryManager.get_health_status()` (legacy keys).
 * @deprecated Use `ReliabilityInstance#status().health` of `@rel/core`. Removed in 2.0.0.
 */
export interface RetryManagerHealth {
  /** `healthy`; `degraded` (success rate < 0.8); `warning` (retry rate > 0.5 while otherwise healthy). */
  readonly status: 'healthy' | 'degraded' | 'warning';
  /** One sentence per problem found. */
  readonly issues: readonly string[];
  /** The statistics of the last hour it was computed from. */
  readonly recent_performance: RetryStatistics | EmptyRetryStatistics;
  /** ISO time of the report. */
  readonly timestamp: string;
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The legacy health rule over the last hour's statistics: a success rate below 0.8 is
 * `degraded`; otherwise a retry rate above 0.5 is `warning`; otherwise `healthy`. No
 * calls at all is `healthy`.
 *
 * @example
 * ```ts
 * retryManagerHealth(stats, clock.now()).status; // 'warning' when 60% of calls were retried
 * ```
 * @internal
 */
export function retryManagerHealth(
  stats: RetryStatistics | EmptyRetryStatistics,
  now: number,
): RetryManagerHealth {
  let status: RetryManagerHealth['status'] = 'healthy';
  const issues: string[] = [];
  if ('success_rate' in stats) {
    if (stats.success_rate < 0.8) {
      status = 'degraded';
      issues.push(`Low success rate: ${percent(stats.success_rate)}`);
    }
    if (stats.retry_rate > 0.5) {
      if (status === 'healthy') status = 'warning';
      issues.push(`High retry rate: ${percent(stats.retry_rate)}`);
    }
  }
  return { status, issues, recent_performance: stats, timestamp: new Date(now).toISOString() };
}

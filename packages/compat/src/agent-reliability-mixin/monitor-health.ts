// The legacy agent health monitor's numbers (core/agent_health_monitor.py), as pure
// functions of the mixin's two histories. Kept apart from the mixin so the formula can be
// checked (and property-tested) on its own, and because it is not the wrapper's
// penalty score of `legacy-formulas/penalty-health-score.ts`: different penalties, a
// latency term, and a three-way status.

/** Seconds an error counts as "recent" (the legacy 5 minutes). */
export const RECENT_ERROR_WINDOW_SECONDS = 300;

/** How many of the newest operation times the average response time is taken over. */
export const RESPONSE_TIME_SAMPLE = 20;

/**
 * What {@link monitorHealth} reads.
 * @internal
 */
export interface MonitorHealthInput {
  /** Successful operations kept (the bounded `operation_times`). */
  readonly successes: number;
  /** Failed operations kept (the bounded error history). */
  readonly errors: number;
  /** Failed operations in the last {@link RECENT_ERROR_WINDOW_SECONDS}. */
  readonly recentErrors: number;
  /** Seconds each kept successful operation took, oldest first. */
  readonly operationTimes: readonly number[];
}

/**
 * The legacy monitor's metrics and verdict.
 * @internal
 */
export interface MonitorHealth {
  readonly overall_health: number;
  readonly status: 'healthy' | 'degraded' | 'unhealthy';
  readonly recent_errors: number;
  readonly total_operations: number;
  readonly success_rate: number;
  /** Seconds. */
  readonly average_response_time: number;
}

/**
 * The legacy `UnifiedAgentHealthMonitor.get_comprehensive_health_status` numbers:
 *
 * - `total_operations = successes + errors` (both histories are bounded, so this is a
 *   window, not a lifetime count);
 * - `success_rate = successes / total` (1.0 with no operations);
 * - `average_response_time` = mean of the newest 20 operation times (0 with none);
 * - `overall_health = clamp01(success_rate − min(0.1 × recent_errors, 0.5) − time_penalty)`,
 *   `time_penalty = 0` up to 5 s average, else `min(0.1 × (avg − 5), 0.3)`;
 * - `status`: `healthy` if health ≥ 0.8 and no recent error; `degraded` if health ≥ 0.5
 *   and at most 2 recent errors; otherwise `unhealthy`.
 *
 * @see the legacy `core/agent_health_monitor.py` `_calculate_overall_health` and
 * `_determine_health_status` (inventory §4.7)
 * @example
 * ```ts
 * monitorHealth({ successes: 8, errors: 2, recentErrors: 2, operationTimes: Array(8).fill(1) });
 * // { success_rate: 0.8, overall_health: 0.6, status: 'degraded', ... }
 * ```
 * @internal
 */
export function monitorHealth(input: MonitorHealthInput): MonitorHealth {
  const total = input.successes + input.errors;
  const successRate = total === 0 ? 1 : input.successes / total;
  const sample = input.operationTimes.slice(-RESPONSE_TIME_SAMPLE);
  const average = sample.length === 0 ? 0 : sample.reduce((sum, t) => sum + t, 0) / sample.length;
  const errorPenalty = Math.min(0.1 * input.recentErrors, 0.5);
  const timePenalty = average <= 5 ? 0 : Math.min(0.1 * (average - 5), 0.3);
  const health = Math.max(0, Math.min(1, successRate - errorPenalty - timePenalty));
  const status =
    health >= 0.8 && input.recentErrors === 0
      ? 'healthy'
      : health >= 0.5 && input.recentErrors <= 2
        ? 'degraded'
        : 'unhealthy';
  return {
    overall_health: health,
    status,
    recent_errors: input.recentErrors,
    total_operations: total,
    success_rate: successRate,
    average_response_time: average,
  };
}

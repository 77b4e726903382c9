// The legacy service-mesh statistics: counters per service and the rates derived from them.

/** Counters of one service. @internal */
export interface Counters {
  total_attempts: number;
  successful_retries: number;
  failed_after_retries: number;
  total_retry_attempts: number;
}

/**
 * `getRetryStats(service)` (legacy keys). As in the legacy service, both rates are per
 * *attempt*: `success_rate = (total_attempts − failed_after_retries) / total_attempts`,
 * `average_retries_per_call = total_retry_attempts / total_attempts`.
 * @deprecated Use `ReliabilityInstance#status()` of `@rel/core`. Removed in 2.0.0.
 */
export interface RetryStats extends Readonly<Counters> {
  readonly service_name: string;
  readonly success_rate: number;
  readonly average_retries_per_call: number;
}

/**
 * `getRetryServiceStats()` (legacy keys).
 * @deprecated Use `ReliabilityManager#health()` of `@rel/core`. Removed in 2.0.0.
 */
export interface RetryServiceStats {
  readonly total_policies: number;
  readonly total_attempts: number;
  readonly total_successful_retries: number;
  readonly total_failed_after_retries: number;
  readonly overall_success_rate: number;
  readonly services: Readonly<Record<string, RetryStats>>;
}

/** `part / whole`, 0 for an empty whole. @internal */
export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** The legacy statistics of one service. @internal */
export function statsOf(service: string, c: Counters): RetryStats {
  return {
    service_name: service,
    ...c,
    success_rate: rate(c.total_attempts - c.failed_after_retries, c.total_attempts),
    average_retries_per_call: rate(c.total_retry_attempts, c.total_attempts),
  };
}

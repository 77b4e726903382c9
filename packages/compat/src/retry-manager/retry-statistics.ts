import { BoundedLog } from '../delegate/bounded-log.js';

/** One finished call, as the legacy `RetryManager` kept it. */
export interface OperationRecord {
  readonly operationName: string;
  /** Clock ms. */
  readonly at: number;
  readonly success: boolean;
  readonly attempts: number;
  /** Seconds. */
  readonly totalDuration: number;
  /** Class name of the last error, or null on success. */
  readonly errorType: string | null;
  readonly backoffStrategy: string;
}

/** The configuration block of the statistics (legacy keys). */
export interface RetryConfigurationSummary {
  readonly max_attempts: number;
  readonly base_delay: number;
  readonly max_delay: number;
}

/**
 * `getRetryStatistics()` with operations in the period (legacy keys).
 * @deprecated Use `ReliabilityInstance#status().health` of `@rel/core`. Removed in 2.0.0.
 */
export interface RetryStatistics {
  readonly time_period_hours: number;
  readonly total_operations: number;
  readonly successful_operations: number;
  readonly failed_operations: number;
  readonly success_rate: number;
  /** Share of calls that needed more than one attempt. */
  readonly retry_rate: number;
  readonly average_attempts: number;
  readonly average_duration_seconds: number;
  readonly common_error_types: Readonly<Record<string, number>>;
  readonly backoff_strategy: string;
  readonly configuration: RetryConfigurationSummary;
}

/**
 * `getRetryStatistics()` without operations in the period (legacy keys).
 * @deprecated Use `ReliabilityInstance#status().health` of `@rel/core`. Removed in 2.0.0.
 */
export interface EmptyRetryStatistics {
  readonly time_period_hours: number;
  readonly total_operations: 0;
  readonly summary: string;
}

/**
 * Capacity of the legacy statistics: the last 1000 calls.
 * @deprecated Use the constant-memory windows of `@rel/health` (`HealthConfig.windowMs`). Removed in 2.0.0.
 */
export const MAX_OPERATION_RECORDS = 1000;

/**
 * The last {@link MAX_OPERATION_RECORDS} calls of one `RetryManager`, in a ring (constant
 * memory, O(1) per record), and the legacy summaries over a time period.
 * @internal
 */
export class OperationLog {
  private readonly log = new BoundedLog<OperationRecord>(MAX_OPERATION_RECORDS);

  /** Adds a call, dropping the oldest beyond the capacity. */
  record(entry: OperationRecord): void {
    this.log.add(entry);
  }

  /** Number of calls kept. */
  get size(): number {
    return this.log.size;
  }

  /** The calls at or after `since` (clock ms), oldest first. */
  since(since: number): OperationRecord[] {
    return this.log.since(since);
  }

  /** The legacy `get_retry_statistics(hours)` over the calls since `now - hours`. */
  statistics(
    hours: number,
    now: number,
    strategy: string,
    configuration: RetryConfigurationSummary,
  ): RetryStatistics | EmptyRetryStatistics {
    const ops = this.since(now - hours * 3_600_000);
    if (ops.length === 0) {
      return { time_period_hours: hours, total_operations: 0, summary: 'No retry operations in this period' };
    }
    let successes = 0;
    let retried = 0;
    let attempts = 0;
    let duration = 0;
    const errors: Record<string, number> = {};
    for (const op of ops) {
      if (op.success) successes++;
      if (op.attempts > 1) retried++;
      attempts += op.attempts;
      duration += op.totalDuration;
      if (op.errorType !== null) errors[op.errorType] = (errors[op.errorType] ?? 0) + 1;
    }
    const n = ops.length;
    return {
      time_period_hours: hours,
      total_operations: n,
      successful_operations: successes,
      failed_operations: n - successes,
      success_rate: successes / n,
      retry_rate: retried / n,
      average_attempts: attempts / n,
      average_duration_seconds: duration / n,
      common_error_types: errors,
      backoff_strategy: strategy,
      configuration,
    };
  }
}

/** The class name of a thrown value (Python's `type(e).__name__`). */
export function errorTypeName(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name;
  if (typeof error === 'object' && error !== null) return error.constructor?.name ?? 'Object';
  return typeof error;
}

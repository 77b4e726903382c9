import type { Clock, OutcomeKind } from '@rel/config';
import type { ErrorHistoryEntry } from '../history/error-history.js';
import type { BreakerState, BreakerStateSource } from '../score/breaker-state.js';
import type { HealthScoreBreakdown } from '../score/health-score.js';
import type { HealthStatus } from '../score/health-status.js';

/**
 * One outcome to record: an attempt (recommended: the error history then shows attempt
 * numbers) or a whole call.
 *
 * @example
 * ```ts
 * tracker.record({ kind: 'timeout', durationMs: 30_000, attempt: 2, error });
 * ```
 */
export interface HealthSample {
  /** How it ended (see `OUTCOME_CATEGORIES` for how each kind counts). */
  readonly kind: OutcomeKind;
  /** How long it ran (ms, finite, >= 0). */
  readonly durationMs: number;
  /** 1-based attempt number (kept in the error history). */
  readonly attempt?: number;
  /** The thrown value, for failures (its message and name go to the error history). */
  readonly error?: unknown;
}

/** Options of a {@link ReliabilityHealthTracker}. */
export interface HealthTrackerOptions {
  /** Time source. @defaultValue `systemClock` */
  readonly clock?: Clock;
  /** Operation within the service (e.g. `chat`, `embeddings`); absent for the whole service. */
  readonly operation?: string;
  /** Where the breaker state is read from (e.g. a @rel/circuit breaker); else use `setBreakerState`. */
  readonly breaker?: BreakerStateSource;
  /** Reads the retry budget level in [0, 1] (1 = full); else use `setBudgetLevel`. */
  readonly budgetLevel?: () => number | undefined;
}

/**
 * A status change. On the wire (@rel/core) a change to a worse status is
 * `health_degraded` and a change to a better one is `health_recovered`; `direction` says
 * which.
 */
export interface HealthStatusChange {
  readonly service: string;
  readonly operation?: string;
  readonly from: HealthStatus;
  readonly to: HealthStatus;
  /** The score that caused the change. */
  readonly score: number;
  /** `degraded` when `to` is worse than `from`, else `recovered`. */
  readonly direction: 'degraded' | 'recovered';
  /** Clock time (ms). */
  readonly time: number;
}

/** Latency percentiles over the window (ms; see `log-linear.ts` for the error bound). */
export interface LatencySummary {
  /** Samples in the window (successes and failures). */
  readonly count: number;
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
  /** The latency objective, when configured. */
  readonly sloMs?: number;
}

/** Counts over one window. */
export interface WindowCounts {
  /** Length of the window (ms). */
  readonly windowMs: number;
  readonly successes: number;
  readonly failures: number;
  /** Calls refused before reaching the dependency (breaker, budget, bulkhead). Only in the main window. */
  readonly rejected?: number;
  /** Calls the caller cancelled. Only in the main window. */
  readonly cancelled?: number;
  /** `successes / (successes + failures)`; 1 with no samples. */
  readonly successRate: number;
}

/** Everything a tracker knows, at one instant. */
export interface HealthSnapshot {
  readonly service: string;
  readonly operation?: string;
  /** Clock time (ms) of the snapshot. */
  readonly time: number;
  readonly status: HealthStatus;
  readonly score: number;
  /** What each signal took off the score. */
  readonly breakdown: HealthScoreBreakdown;
  /** The main window (`windowMs`). */
  readonly window: WindowCounts;
  /** The recent-error window (`recentErrorWindowMs`). */
  readonly recent: WindowCounts;
  readonly consecutiveFailures: number;
  readonly consecutiveSuccesses: number;
  readonly latency: LatencySummary;
  readonly breakerState?: BreakerState;
  readonly budgetLevel?: number;
  readonly lastSuccessAt?: number;
  readonly lastFailureAt?: number;
  /** The newest error history entry. */
  readonly lastError?: ErrorHistoryEntry;
  /** The status thresholds in force (from the configuration). */
  readonly thresholds: { readonly healthy: number; readonly degraded: number; readonly unhealthy: number };
  /** Outcomes recorded since creation (or the last reset), by kind. */
  readonly totals: Readonly<Record<OutcomeKind, number>>;
}

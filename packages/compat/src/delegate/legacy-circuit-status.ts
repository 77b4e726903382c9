import type { CircuitStatus, UnifiedCircuitBreaker } from '@rel/circuit';

/**
 * A breaker's status with the legacy `get_status()` keys, plus the canonical status.
 * @deprecated Use `UnifiedCircuitBreaker#status()` of `@rel/circuit`. Removed in 2.0.0.
 */
export interface LegacyCircuitStatus {
  readonly name: string;
  /** `closed`, `open`, `half_open` (or `isolated` / `disabled`, canonical manual states). */
  readonly state: string;
  readonly is_healthy: boolean;
  readonly failure_threshold: number;
  /** Seconds. */
  readonly recovery_timeout: number;
  readonly total_calls: number;
  readonly successful_calls: number;
  readonly failed_calls: number;
  readonly rejected_calls: number;
  /** The canonical breaker's full status. */
  readonly unified_status: CircuitStatus;
}

/**
 * The legacy status dictionary of a canonical breaker (reading it applies any transition
 * that fell due). @internal
 */
export function legacyCircuitStatus(breaker: UnifiedCircuitBreaker): LegacyCircuitStatus {
  const status = breaker.status();
  return {
    name: status.name,
    state: status.state,
    is_healthy: status.state === 'closed',
    failure_threshold: breaker.config.failureThreshold,
    recovery_timeout: breaker.config.openMs / 1000,
    total_calls: status.totalCalls,
    successful_calls: status.successfulCalls,
    failed_calls: status.failedCalls,
    rejected_calls: status.rejectedCalls,
    unified_status: status,
  };
}

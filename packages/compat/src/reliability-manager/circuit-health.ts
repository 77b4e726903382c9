import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = { CLOSED: 'closed', OPEN: 'open', HALF_OPEN: 'half_open' } as const;

/**
 * The legacy agents `CircuitState` enum (an `as const` object with the legacy values).
 *
 * @deprecated Use `CircuitState` / `CIRCUIT_STATES` from `@rel/circuit` (same lower-case
 * values, plus `isolated` and `disabled`). Removed in 2.0.0 (REL_DEP031).
 * @example
 * ```ts
 * if (manager.getCircuitStatus().state === CircuitState.OPEN) showBusy();
 * ```
 */
export const CircuitState: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP031');

/**
 * A value of {@link CircuitState}.
 * @deprecated Use `CircuitState` from `@rel/circuit`. Removed in 2.0.0 (REL_DEP031).
 */
export type CircuitState = (typeof VALUES)[keyof typeof VALUES];

/** The status of each breaker state in the legacy agents `ReliabilityManager`. */
export const STATE_STATUS: Readonly<Record<string, 'healthy' | 'degraded' | 'recovering'>> = Object.freeze({
  closed: 'healthy',
  disabled: 'healthy',
  open: 'degraded',
  isolated: 'degraded',
  half_open: 'recovering',
});

/**
 * `getCircuitStatus()` of the legacy agents `ReliabilityManager` (legacy keys).
 * @deprecated Use `UnifiedCircuitBreaker#status()` of `@rel/circuit`. Removed in 2.0.0.
 */
export interface ReliabilityCircuitStatus {
  /** `closed`, `open`, `half_open` (or the canonical `isolated` / `disabled`). */
  readonly state: string;
  /** Failed attempts in a row (0 after a success). */
  readonly failure_count: number;
  readonly failure_threshold: number;
  /** Successful attempts since the manager was created (or reset). */
  readonly successful_calls: number;
  /** ISO time of the last failure, or null. */
  readonly last_failure_time: string | null;
  /** Probes running now (half-open only). */
  readonly half_open_call_count: number;
  /** Whether a call would be admitted now. */
  readonly can_execute: boolean;
}

/**
 * `healthCheck()` (legacy keys).
 * @deprecated Use `ReliabilityManager#health()` of `@rel/core`. Removed in 2.0.0.
 */
export interface ReliabilityHealthCheck {
  readonly status: 'healthy' | 'degraded' | 'recovering';
  readonly circuit_state: string;
  readonly can_execute: boolean;
  readonly failure_count: number;
  readonly successful_calls: number;
  readonly timestamp: string;
}

/**
 * `getHealthStatus()` (legacy keys).
 * @deprecated Use `ReliabilityInstance#status()` of `@rel/core`. Removed in 2.0.0.
 */
export interface ReliabilityHealthStatus {
  readonly status: 'healthy' | 'degraded' | 'recovering';
  readonly overall_health: 'healthy' | 'degraded' | 'recovering';
  readonly circuit_state: string;
  readonly failure_count: number;
  readonly successful_calls: number;
  readonly failure_threshold: number;
  /** Seconds. */
  readonly recovery_timeout: number;
  readonly last_failure_time: string | null;
  readonly timestamp: string;
}

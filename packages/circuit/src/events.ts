import type { CircuitState, TransitionReason } from './state.js';

/**
 * Payload of `onStateChange`: one per transition of the *visible* state (what `state`
 * returns). Changes of the underlying state while the breaker is isolated are not
 * reported separately; `isolation_ended` then reports where it came back to.
 *
 * @example
 * ```ts
 * breaker.onStateChange(({ name, from, to, reason, retryAfterMs }) =>
 *   log.warn({ name, from, to, reason, retryAfterMs }, 'circuit breaker changed state'),
 * );
 * ```
 */
export interface CircuitStateChange {
  /** Breaker name. */
  readonly name: string;
  /** State before the transition. */
  readonly from: CircuitState;
  /** State after the transition. */
  readonly to: CircuitState;
  /** Why it happened. */
  readonly reason: TransitionReason;
  /** When `to` is `open`: how long it stays open (ms). `Infinity` when `to` is `isolated`. */
  readonly retryAfterMs?: number;
  /**
   * Clock time (ms) the transition took effect. For the transitions that fall due by the
   * clock (`open_elapsed`, `probe_lease_expired`) that is the moment they fell due, even
   * though the breaker applies them lazily, on the next read.
   */
  readonly at: number;
}

/**
 * Payload of `onReject`: a call was refused (open, isolated, or half-open with every probe
 * slot taken). Built only when someone listens.
 *
 * @example
 * ```ts
 * breaker.onReject(({ state, retryAfterMs }) => rejections.inc({ state }));
 * ```
 */
export interface CircuitRejection {
  /** Breaker name. */
  readonly name: string;
  /** The state that refused the call. */
  readonly state: CircuitState;
  /** How long (ms) until the breaker may admit a call; `Infinity` while isolated. */
  readonly retryAfterMs: number;
}

/**
 * Payload of `onStoreError`: saving a snapshot to the breaker's store failed. The breaker
 * keeps working on its in-memory state; without a listener the failure becomes a process
 * warning (`REL_CIRCUIT_STORE`), never silence.
 */
export interface CircuitStoreError {
  /** Breaker name. */
  readonly name: string;
  /** What the store threw or rejected with. */
  readonly error: unknown;
}

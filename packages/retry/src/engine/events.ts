import type { AttemptRecord, ExecutionError, FailureKind, OutcomeKind } from '@rel/config';

/** Fields every retry event carries. */
interface CallInfo {
  /** The handler's service (dependency) name. */
  readonly service: string;
  /** The call's `operation` option, when given. */
  readonly operation?: string;
}

/**
 * Emitted before each wait: after a failed attempt that will be retried, or while waiting
 * for an open circuit to admit again (`kind: 'circuit_open'`).
 */
export interface RetryEvent extends CallInfo {
  /** The attempt that just failed (1-based); 0 when the first attempt was refused by the circuit. */
  readonly attempt: number;
  /** The wait before the next attempt (ms): max(backoff, Retry-After hint). */
  readonly delayMs: number;
  /** What the failure was. */
  readonly kind: OutcomeKind;
  /** The failure. */
  readonly error: unknown;
  /** The server's hint (ms), when there was one. */
  readonly retryAfterMs?: number;
}

/** Emitted for every failed attempt (retried or not). */
export interface AttemptFailureEvent extends CallInfo {
  readonly attempt: number;
  readonly kind: OutcomeKind;
  readonly error: unknown;
  /** How long the attempt ran (ms). */
  readonly durationMs: number;
}

/** Emitted once when a call succeeds. */
export interface SuccessEvent extends CallInfo {
  /** How many attempts it took (1 = first try). */
  readonly attempts: number;
  /** Duration of the successful attempt (ms). */
  readonly durationMs: number;
  /** Wall time of the whole call (ms), waits included. */
  readonly totalTimeMs: number;
}

/** Emitted once when a call ends without success. */
export interface GiveUpEvent extends CallInfo {
  readonly outcome: FailureKind;
  /** The typed error the call ended with. */
  readonly error: ExecutionError;
  readonly attempts: readonly AttemptRecord[];
  readonly totalTimeMs: number;
}

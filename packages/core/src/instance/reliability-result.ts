import type { AttemptRecord, ExecutionError, FailureKind } from '@rel/config';

/** A call that succeeded, or that a fallback answered (`outcome: 'fallback_used'`). */
export interface ReliabilitySuccess<T> {
  readonly success: true;
  /** The operation's value, or the fallback's. */
  readonly value: T;
  readonly outcome: 'success' | 'fallback_used';
  /** Every attempt, in order; `attempts.length` is the number of times the operation ran. */
  readonly attempts: readonly AttemptRecord[];
  /** Wall time of the whole call (ms): bulkhead wait, attempts, waits and fallback. */
  readonly totalTimeMs: number;
  /** True when a fallback answered. */
  readonly fallbackUsed: boolean;
  /** With a fallback: the failure it answered. */
  readonly error?: ExecutionError;
  /** With a fallback: why the call failed. */
  readonly fallbackReason?: FailureKind;
}

/** A call that failed (no fallback, a fallback that does not apply, or one that threw). */
export interface ReliabilityFailure {
  readonly success: false;
  /** The typed error `execute` throws. */
  readonly error: ExecutionError;
  /** Why it ended: the last attempt's kind, or `cancelled`, `circuit_open`, `budget_exhausted`, `bulkhead_rejected`, `deadline_exceeded`. */
  readonly outcome: FailureKind;
  readonly attempts: readonly AttemptRecord[];
  readonly totalTimeMs: number;
  readonly fallbackUsed: false;
  /** What a fallback threw, when one was tried and failed (the call then fails with `error`). */
  readonly fallbackError?: unknown;
}

/**
 * What `run` resolves to; it never rejects.
 *
 * @example
 * ```ts
 * const r = await openai.run(callModel, { fallback: 'The assistant is busy, try again shortly.' });
 * if (r.fallbackUsed) log.warn({ reason: r.fallbackReason }, 'answered from the fallback');
 * if (!r.success) return reply503(r.error);
 * ```
 */
export type ReliabilityResult<T> = ReliabilitySuccess<T> | ReliabilityFailure;

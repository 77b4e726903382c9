import type { AttemptRecord, ExecutionError, FailureKind } from '@rel/config';
import type { RetryEvent } from './events.js';

/**
 * What the operation receives on each attempt.
 *
 * @example
 * ```ts
 * await handler.execute(({ attempt, signal, deadline }) => fetch(url, { signal }));
 * ```
 */
export interface AttemptContext {
  /** 1-based number of this attempt. */
  readonly attempt: number;
  /**
   * Aborts when this attempt times out or the caller cancels. Created on first read: an
   * operation that never reads it costs no AbortController at all.
   */
  readonly signal: AbortSignal;
  /** Absolute clock time (ms) of the overall deadline, or `Infinity` when there is none. */
  readonly deadline: number;
}

/** The operation a handler runs: sync or async, given an {@link AttemptContext}. */
export type Operation<T> = (context: AttemptContext) => T | PromiseLike<T>;

/**
 * Per-call options of `execute` and `executeWithRetry`. Each overrides the handler's
 * configuration for this call only.
 */
export interface ExecuteOptions {
  /** The caller's signal: aborting it stops the current attempt and any wait at once. */
  readonly signal?: AbortSignal;
  /** A name for this call in events (e.g. `"chat.completions"`). */
  readonly operation?: string;
  /** Overall deadline across attempts and waits (ms from now). */
  readonly totalTimeoutMs?: number;
  /** Timeout of each attempt (ms). */
  readonly attemptTimeoutMs?: number;
  /**
   * Called before each wait of **this** call, with the payload the handler's `onRetry`
   * gets (which fires for every call): how callers tie a retry to the request, run or
   * trace that made the call. Synchronous; a listener that throws is isolated (a
   * `REL_LISTENER_ERROR` process warning) and the call goes on.
   *
   * @example
   * ```ts
   * await handler.execute(op, { onRetry: (e) => span.addEvent('retry', { attempt: e.attempt, delayMs: e.delayMs }) });
   * ```
   */
  readonly onRetry?: (event: RetryEvent) => void;
}

/** A call that succeeded. */
export interface RetrySuccess<T> {
  readonly success: true;
  readonly value: T;
  readonly outcome: 'success';
  /** Every attempt, in order; `attempts.length` is the number of times the operation ran. */
  readonly attempts: readonly AttemptRecord[];
  /** Wall time of the whole call (ms), waits included. */
  readonly totalTimeMs: number;
}

/** A call that failed; `error` is the typed error `execute` would have thrown. */
export interface RetryFailure {
  readonly success: false;
  readonly error: ExecutionError;
  /** Why it ended: the last attempt's kind, or `cancelled`, `circuit_open`, `budget_exhausted`, `deadline_exceeded`. */
  readonly outcome: FailureKind;
  /** Every attempt, in order; `attempts.length` is the number of times the operation ran. */
  readonly attempts: readonly AttemptRecord[];
  /** Wall time of the whole call (ms), waits included. */
  readonly totalTimeMs: number;
}

/**
 * The result of `executeWithRetry`: never thrown, always one of these.
 *
 * @example
 * ```ts
 * const r = await handler.executeWithRetry(op);
 * if (r.success) use(r.value); else log.warn({ outcome: r.outcome, attempts: r.attempts.length }, r.error.message);
 * ```
 */
export type RetryResult<T> = RetrySuccess<T> | RetryFailure;

import type { AttemptRecord } from '@rel/config';
import { useLegacy } from '../deprecation/warn-once.js';

/**
 * One attempt of a legacy unified `RetryResult`.
 * - `delayBefore`: the wait (seconds) that followed this attempt (0 for the last one), as
 *   the legacy handler recorded it despite the name;
 * - `elapsedTime`: seconds spent in the call itself.
 * @deprecated Use `AttemptRecord` from `@rel/config` (ms). Removed in 2.0.0.
 */
export interface RetryAttempt {
  readonly attemptNumber: number;
  readonly delayBefore: number;
  readonly exception: unknown;
  readonly timestamp: Date;
  readonly elapsedTime: number;
}

/**
 * The legacy unified handler's `RetryResult`: `success`, `result`, `attempts` (one
 * {@link RetryAttempt} per time the operation ran), `finalException`, `totalAttempts`
 * (`attempts.length`) and `totalTime` (seconds in the calls, waits excluded). At the
 * package root it is `UnifiedRetryResult`.
 *
 * @deprecated Use the result of `UnifiedRetryHandler#executeWithRetry` from `@rel/retry`
 * (`attempts: AttemptRecord[]`, `totalTimeMs`). Removed in 2.0.0 (REL_DEP019).
 * @example
 * ```ts
 * const r = await handler.executeWithRetryAsync(fetchQuote);
 * if (!r.success) log.warn(`${r.totalAttempts} attempts, ${r.totalTime}s`, r.finalException);
 * ```
 */
export class RetryResult<T = unknown> {
  readonly success: boolean;
  readonly result: T | undefined;
  readonly attempts: readonly RetryAttempt[];
  readonly finalException: unknown;
  readonly totalAttempts: number;
  readonly totalTime: number;

  constructor(
    success: boolean,
    result?: T,
    attempts: readonly RetryAttempt[] = [],
    finalException?: unknown,
  ) {
    useLegacy('REL_DEP019');
    this.success = success;
    this.result = result;
    this.attempts = attempts;
    this.finalException = finalException;
    this.totalAttempts = attempts.length;
    this.totalTime = attempts.reduce((sum, a) => sum + a.elapsedTime, 0);
  }
}

/** The legacy attempts of canonical attempt records. @internal */
export function legacyAttempts(records: readonly AttemptRecord[]): RetryAttempt[] {
  return records.map((r) => ({
    attemptNumber: r.attempt,
    delayBefore: (r.delayAfterMs ?? 0) / 1000,
    exception: r.error ?? null,
    timestamp: new Date(r.startedAt + r.durationMs),
    elapsedTime: r.durationMs / 1000,
  }));
}

/** Builds a result for the compat layer's own calls without counting a use of the name. @internal */
export function unifiedResult<T>(
  success: boolean,
  result: T | undefined,
  attempts: readonly RetryAttempt[],
  finalException: unknown,
): RetryResult<T> {
  const r = Object.create(RetryResult.prototype) as RetryResult<T>;
  return Object.assign(r, {
    success,
    result,
    attempts,
    finalException,
    totalAttempts: attempts.length,
    totalTime: attempts.reduce((sum, a) => sum + a.elapsedTime, 0),
  });
}

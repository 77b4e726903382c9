import { useLegacy } from '../deprecation/warn-once.js';

/**
 * The result of the legacy agents `RetryManager.executeWithRetry`: never thrown, always
 * returned.
 *
 * - `attempts`: how many times the operation ran (the real count; the legacy class
 *   reported the configured maximum after a non-retryable error).
 * - `totalDuration`: seconds, waits included.
 * - `lastError`: the operation's last failure (or the typed @rel error when it never ran,
 *   e.g. an open circuit), `undefined` on success.
 *
 * @deprecated Use the result of `ReliabilityInstance#run` (`@rel/core`) or
 * `UnifiedRetryHandler#executeWithRetry` (`@rel/retry`): `{ success, value | error,
 * attempts: AttemptRecord[], totalTimeMs }`. Removed in 2.0.0 (REL_DEP003).
 * @example
 * ```ts
 * const r = await manager.executeWithRetry(() => fetchUser(id), 'fetch_user');
 * if (!r.success) log.warn(`gave up after ${r.attempts} attempts, ${r.totalDuration}s`, r.lastError);
 * ```
 */
export class RetryResult<T = unknown> {
  readonly success: boolean;
  readonly result: T | undefined;
  readonly attempts: number;
  readonly totalDuration: number;
  readonly lastError: unknown;

  constructor(success: boolean, result?: T, attempts = 0, totalDuration = 0, lastError?: unknown) {
    useLegacy('REL_DEP003');
    this.success = success;
    this.result = result;
    this.attempts = attempts;
    this.totalDuration = totalDuration;
    this.lastError = lastError;
  }
}

/**
 * Builds a {@link RetryResult} for the compat layer's own results, without counting a use
 * of the legacy name (the caller used `RetryManager`, not `RetryResult`). @internal
 */
export function retryResult<T>(
  success: boolean,
  result: T | undefined,
  attempts: number,
  totalDuration: number,
  lastError: unknown,
): RetryResult<T> {
  const r = Object.create(RetryResult.prototype) as RetryResult<T>;
  return Object.assign(r, { success, result, attempts, totalDuration, lastError });
}

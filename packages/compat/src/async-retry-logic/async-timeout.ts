import { parseRetryConfig, RelConfigError } from '@rel/config';
import { legacyInstance, legacyProfile } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';

/**
 * What the block of {@link asyncTimeout} receives.
 * @deprecated Use the `AttemptContext` an operation of `ReliabilityInstance#execute` receives (`@rel/core`). Removed in 2.0.0 (REL_DEP082).
 */
export interface AsyncTimeoutContext {
  /** Aborts at the deadline: pass it on (`fetch(url, { signal })`) to stop the work itself. */
  readonly signal: AbortSignal;
}

/**
 * The legacy `async with async_timeout(timeout, operation_name):` block of
 * `core/async_retry_logic`, as a function: `asyncTimeout(5, 'fetch')(async ({ signal }) => ...)`
 * runs the block now, through the same reliability instance of the process default manager
 * as `withTimeout` (`async_timeout`: one attempt, no breaker), with a deadline of `timeout`
 * seconds on the manager's clock. Past it the call stops waiting at once and throws a
 * `DeadlineExceededError` (code `REL_DEADLINE_EXCEEDED`, the typed form of the legacy
 * `ServiceTimeoutError`); the block's value and its own errors pass through unchanged.
 *
 * JavaScript cannot cancel a running block as `asyncio.timeout` did: the block gets a
 * `signal` that aborts at the deadline, to stop its own work.
 *
 * @deprecated Use `execute(op, { timeoutMs })` on a `ReliabilityInstance` (`@rel/core`), or
 * `attemptTimeoutMs` / `totalTimeoutMs` of a `RetryConfig`. Removed in 2.0.0 (REL_DEP082).
 * @example
 * ```ts
 * const rows = await asyncTimeout(5, 'load_rows')(({ signal }) => db.query(sql, { signal }));
 * ```
 */
export function asyncTimeout(
  timeout: number,
  operationName = 'operation',
): <T>(block: (context: AsyncTimeoutContext) => T | PromiseLike<T>) => Promise<Awaited<T>> {
  useLegacy('REL_DEP082');
  if (!(typeof timeout === 'number' && timeout > 0 && timeout <= 86_400)) {
    throw new RelConfigError(
      [{ path: 'timeout', received: timeout, expected: 'a number of seconds in (0, 86400]' }],
      'asyncTimeout',
    );
  }
  if (typeof operationName !== 'string' || operationName.length === 0) {
    throw new RelConfigError(
      [{ path: 'operationName', received: operationName, expected: 'a non-empty string' }],
      'asyncTimeout',
    );
  }
  // The very profile `withTimeout` runs on (same service and signature, so the same
  // profile object and instance): one canonical timeout path for both legacy names.
  const profile = legacyProfile('async_timeout', ['with_timeout'], () => ({
    config: parseRetryConfig({ maxAttempts: 1, budget: false }),
    circuitBreaker: false,
  }));
  return async <T>(block: (context: AsyncTimeoutContext) => T | PromiseLike<T>): Promise<Awaited<T>> => {
    if (typeof block !== 'function')
      throw new RelConfigError([{ path: 'block', received: block, expected: 'a function' }], 'asyncTimeout');
    const r = await legacyInstance(profile).run(({ signal }) => block({ signal }), {
      operation: operationName,
      timeoutMs: timeout * 1000,
    });
    if (r.success) return r.value as Awaited<T>;
    throw r.outcome === 'deadline_exceeded' ? r.error : lastErrorOf(r);
  };
}

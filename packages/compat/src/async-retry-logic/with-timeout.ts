import { parseRetryConfig, RelConfigError, type RetryConfig } from '@rel/config';
import { legacyInstance, legacyProfile } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';

// One attempt, no breaker: the timeout is the canonical per-call deadline.
const ONE_ATTEMPT: RetryConfig = parseRetryConfig({ maxAttempts: 1, budget: false });

/**
 * The legacy `core/async_retry_logic.with_timeout(timeout, operationName)` decorator: each
 * call runs through a reliability instance of the process default manager (`async_timeout`)
 * with a deadline of `timeout` seconds. Past it the call stops waiting at once and throws
 * a `DeadlineExceededError` (code `REL_DEADLINE_EXCEEDED`, the typed form of the legacy
 * `ServiceTimeoutError`); the operation's own errors pass through unchanged.
 *
 * @deprecated Use `attemptTimeoutMs` / `totalTimeoutMs` of a `RetryConfig`, or
 * `execute(op, { timeoutMs })` on a `ReliabilityInstance` (`@rel/core`). Removed in 2.0.0 (REL_DEP028).
 * @example
 * ```ts
 * const search = withTimeout(5, 'search')(runSearch);
 * ```
 */
export function withTimeout(
  timeout: number,
  operationName = 'operation',
): <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => (...args: A) => Promise<Awaited<T>> {
  useLegacy('REL_DEP028');
  if (!(typeof timeout === 'number' && timeout > 0 && timeout <= 86_400)) {
    throw new RelConfigError(
      [{ path: 'timeout', received: timeout, expected: 'a number of seconds in (0, 86400]' }],
      'withTimeout',
    );
  }
  const timeoutMs = timeout * 1000;
  const profile = legacyProfile('async_timeout', ['with_timeout'], () => ({
    config: ONE_ATTEMPT,
    circuitBreaker: false,
  }));
  return <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => {
    if (typeof fn !== 'function')
      throw new RelConfigError([{ path: 'func', received: fn, expected: 'a function' }], 'withTimeout');
    const wrapped = async (...args: A): Promise<Awaited<T>> => {
      useLegacy('REL_DEP028');
      const r = await legacyInstance(profile).run(() => fn(...args), { operation: operationName, timeoutMs });
      if (r.success) return r.value as Awaited<T>;
      throw r.outcome === 'deadline_exceeded' ? r.error : lastErrorOf(r);
    };
    Object.defineProperty(wrapped, 'name', { value: fn.name });
    return wrapped;
  };
}

import { REL_ERROR_CODES, RelError } from '@rel/config';
import { useLegacy } from '../deprecation/warn-once.js';

// Exceptions the compat layer throws are not a use of the name; a call site's `new` is.
let internal = false;

/** The exception {@link UnifiedRetryManager} throws after its last attempt. @internal */
export function exhausted(attempts: number, lastException: unknown): RetryExhaustedException {
  internal = true;
  try {
    return new RetryExhaustedException(attempts, lastException);
  } finally {
    internal = false;
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The legacy `RetryExhaustedException(attempts, last_exception)` of
 * `core/resilience/retry_manager`: every attempt failed with a retried error. Message as
 * before: `All <attempts> retry attempts exhausted. Last error: <message>`.
 *
 * An @rel error with the canonical code `REL_RETRY_EXHAUSTED` (so
 * `isRelError(e, 'REL_RETRY_EXHAUSTED')` matches it, as it matches the canonical
 * `RetryExhaustedError`), with the last failure as `cause`. `attempts` is the legacy
 * count (a number), not the canonical attempt records.
 *
 * @deprecated Use `RetryExhaustedError` from `@rel/config` (thrown by
 * `ReliabilityInstance#execute`; `cause` is the last failure, `attempts` every attempt
 * record). Removed in 2.0.0 (REL_DEP068).
 * @example
 * ```ts
 * try { await manager.executeWithRetry(callApi); }
 * catch (e) { if (e instanceof RetryExhaustedException) log.error(e.lastException); }
 * ```
 */
export class RetryExhaustedException extends RelError {
  /** How many attempts ran. */
  readonly attempts: number;
  /** The failure of the last attempt (also `cause`). */
  readonly lastException: unknown;

  constructor(attempts: number, lastException: unknown) {
    if (!internal) useLegacy('REL_DEP068');
    super(
      REL_ERROR_CODES.RETRY_EXHAUSTED,
      `All ${attempts} retry attempts exhausted. Last error: ${describe(lastException)}`,
      { cause: lastException },
    );
    this.name = 'RetryExhaustedException';
    this.attempts = attempts;
    this.lastException = lastException;
  }

  /** `e instanceof RetryExhaustedException` (the legacy `except` clause) counts as a use. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    useLegacy('REL_DEP068');
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

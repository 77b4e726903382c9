import { RelConfigError } from '@rel/config';
import { oneSpelling } from '../legacy-config/spellings.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import { quietConfig } from '../unified-retry-handler/retry-config.js';
import { handlerFor } from '../unified-retry-handler/unified-retry-handler.js';

/**
 * Options of {@link withRetry} (camelCase or snake_case; seconds).
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms). Removed in 2.0.0.
 */
export interface WithRetryOptions {
  /** Total attempts. @defaultValue 3 */
  readonly maxAttempts?: number;
  readonly max_attempts?: number;
  /** First delay (seconds). @defaultValue 1.0 */
  readonly delay?: number;
  /** Growth factor of the delays. @defaultValue 2.0 */
  readonly backoffFactor?: number;
  readonly backoff_factor?: number;
  /** What is retried. @defaultValue `['Exception']` (everything) */
  readonly exceptions?: LegacyErrorSet;
  /** Where `RETRY_*` overrides are read from. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The legacy `core/async_retry_logic.with_retry(...)` decorator: the wrapped function runs
 * through the legacy unified handler named `async_retry_logic` (so through a reliability
 * instance of the process default manager), exponential delays `delay`, `delay·factor`,
 * ... without jitter, legacy `RETRY_*` overrides applied.
 * Resolves to the value or throws the final exception.
 *
 * @deprecated Use `ReliabilityInstance#execute` (`@rel/core`) or `UnifiedRetryHandler#execute`
 * (`@rel/retry`). Removed in 2.0.0 (REL_DEP027).
 * @example
 * ```ts
 * const fetchUser = withRetry({ maxAttempts: 4, delay: 0.2, exceptions: ['ConnectionError'] })(loadUser);
 * ```
 */
export function withRetry(
  options: WithRetryOptions = {},
): <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => (...args: A) => Promise<Awaited<T>> {
  useLegacy('REL_DEP027');
  const known = new Set([
    'maxAttempts',
    'max_attempts',
    'delay',
    'backoffFactor',
    'backoff_factor',
    'exceptions',
    'env',
  ]);
  for (const key of Object.keys(options)) {
    if (!known.has(key))
      throw new RelConfigError(
        [
          {
            path: key,
            received: (options as Record<string, unknown>)[key],
            expected: `one of ${[...known].join(', ')}`,
            unknownKey: true,
          },
        ],
        'withRetry options',
      );
  }
  const config = quietConfig('REL_DEP027', {
    maxAttempts:
      oneSpelling(options.maxAttempts, options.max_attempts, 'max_attempts', 'withRetry options') ?? 3,
    baseDelay: options.delay ?? 1.0,
    backoffMultiplier:
      oneSpelling(options.backoffFactor, options.backoff_factor, 'backoff_factor', 'withRetry options') ??
      2.0,
    strategy: 'exponential',
    jitterRange: 0.1,
    retryableExceptions: options.exceptions ?? ['Exception'],
  });
  const handler = handlerFor(
    'REL_DEP027',
    'async_retry_logic',
    config,
    options.env === undefined ? {} : { env: options.env },
  );
  return <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => {
    if (typeof fn !== 'function')
      throw new RelConfigError([{ path: 'func', received: fn, expected: 'a function' }], 'withRetry');
    return handler.wrap(fn);
  };
}

import { RelConfigError } from '@rel/config';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import { quietConfig } from './retry-config.js';
import type { RetryStrategy } from './retry-strategy-enum.js';
import { handlerFor, type UnifiedRetryHandlerOptions } from './unified-retry-handler.js';

/**
 * Options of {@link retryOnException} (camelCase or snake_case; seconds).
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms). Removed in 2.0.0.
 */
export interface RetryOnExceptionOptions extends UnifiedRetryHandlerOptions {
  /** Total attempts. @defaultValue 3 */
  readonly maxAttempts?: number;
  readonly max_attempts?: number;
  /** First delay (seconds). @defaultValue 1.0 */
  readonly baseDelay?: number;
  readonly base_delay?: number;
  /** @defaultValue 'exponential' */
  readonly strategy?: RetryStrategy;
  /** What is retried. @defaultValue `['Exception']` (everything) */
  readonly retryableExceptions?: LegacyErrorSet;
  readonly retryable_exceptions?: LegacyErrorSet;
}

/**
 * The legacy `retry_on_exception(...)` decorator factory (and its async twin
 * `async_retry_on_exception`): each call of the wrapped function gets a fresh legacy
 * `UnifiedRetryHandler` named after the function (so `RETRY_*` environment overrides
 * apply per call, as before), and resolves to the value or throws the final exception.
 *
 * @deprecated Use `UnifiedRetryHandler#execute` from `@rel/retry`, or
 * `ReliabilityInstance#execute` from `@rel/core`. Removed in 2.0.0 (REL_DEP026).
 * @example
 * ```ts
 * const load = retryOnException({ maxAttempts: 4, baseDelay: 0.2, retryableExceptions: ['ConnectionError'] })(loadProfile);
 * ```
 */
export function retryOnException(
  options: RetryOnExceptionOptions = {},
): <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => (...args: A) => Promise<Awaited<T>> {
  return onException('REL_DEP026', options);
}

/**
 * The legacy `async_retry_on_exception(...)`: the same as {@link retryOnException} (every
 * function is async here).
 *
 * @deprecated Use `UnifiedRetryHandler#execute` from `@rel/retry`, or
 * `ReliabilityInstance#execute` from `@rel/core`. Removed in 2.0.0 (REL_DEP035).
 * @example
 * ```ts
 * const load = asyncRetryOnException({ maxAttempts: 2 })(loadProfile);
 * ```
 */
export function asyncRetryOnException(
  options: RetryOnExceptionOptions = {},
): <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => (...args: A) => Promise<Awaited<T>> {
  return onException('REL_DEP035', options);
}

function onException(
  code: DeprecationCode,
  options: RetryOnExceptionOptions,
): <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => (...args: A) => Promise<Awaited<T>> {
  useLegacy(code);
  const { env, ...legacy } = options;
  const config = quietConfig(code, { strategy: 'exponential', ...legacy });
  const handlerOptions: UnifiedRetryHandlerOptions = env === undefined ? {} : { env };
  return <A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>) => {
    if (typeof fn !== 'function') {
      throw new RelConfigError([{ path: 'func', received: fn, expected: 'a function' }], 'retryOnException');
    }
    const wrapped = async (...args: A): Promise<Awaited<T>> => {
      const handler = handlerFor(code, fn.name || 'anonymous', config, handlerOptions);
      const r = await handler.executeWithRetry(fn, ...args);
      if (r.success) return r.result as Awaited<T>;
      throw r.finalException;
    };
    Object.defineProperty(wrapped, 'name', { value: fn.name });
    return wrapped;
  };
}

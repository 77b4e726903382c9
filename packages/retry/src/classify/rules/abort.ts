import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

/**
 * `DOMException`s from signals: `AbortError` (someone called `abort()`) is `cancelled`
 * and not retried; `TimeoutError` (from `AbortSignal.timeout()`) is a `timeout` and is.
 * The retry engine overrides both when it knows better: its own attempt timeout is a
 * `timeout`, the caller's abort is `cancelled`.
 *
 * @example
 * ```ts
 * abortRule(new DOMException('aborted', 'AbortError'), facts); // { kind: 'cancelled', retryable: false, ... }
 * ```
 */
export function abortRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  if (facts.name === 'AbortError') return verdict('cancelled', 'AbortError');
  if (facts.name === 'TimeoutError') return verdict('timeout', 'TimeoutError');
  return undefined;
}

/**
 * Programming errors are not worth retrying: a `ReferenceError`, or a `TypeError` that is
 * not a network failure (undici reports those as `TypeError: fetch failed` and
 * `TypeError: terminated`, which the network rule has already taken by then).
 *
 * @example
 * ```ts
 * programmerErrorRule(new TypeError("Cannot read properties of undefined (reading 'x')"), facts); // permanent
 * ```
 */
export function programmerErrorRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  if (facts.name === 'ReferenceError') return verdict('permanent', 'ReferenceError (a bug, not a failure)');
  if (facts.name === 'TypeError' && facts.codes.length === 0 && facts.chain.length === 1) {
    return verdict('permanent', 'TypeError (a bug, not a failure)');
  }
  return undefined;
}

import { CircuitOpenError, isRelError, REL_ERROR_CODES } from '@rel/config';
import type { ReliabilityResult } from '@rel/core';
import { unwrapStop } from './legacy-guard.js';

/**
 * The error a legacy API reports for a failed canonical call: the operation's own last
 * failure (`cause` of the typed error), as the legacy handlers raised or returned it, or
 * the typed error itself when the dependency was never reached (an open circuit, an
 * exhausted budget).
 *
 * @example
 * ```ts
 * const r = await instance.run(op);
 * if (!r.success) throw lastErrorOf(r);
 * ```
 * @internal
 */
export function lastErrorOf(result: ReliabilityResult<unknown>): unknown {
  if (result.success) return undefined;
  const cause = (result.error as { cause?: unknown }).cause;
  return cause === undefined ? result.error : unwrapStop(cause);
}

/** Seconds from milliseconds (the legacy unit). @internal */
export const seconds = (ms: number): number => ms / 1000;

/**
 * {@link lastErrorOf}, except that a call refused by an open circuit before its first
 * attempt becomes a `CircuitOpenError` with the legacy message (callers matched on it),
 * keeping the canonical breaker, state and retry-after hint (and the canonical error as
 * `cause`).
 * @internal
 */
export function legacyFailure(result: ReliabilityResult<unknown>, openMessage: string): unknown {
  if (result.success) return undefined;
  const e = result.error;
  if (result.attempts.length === 0 && isRelError(e, REL_ERROR_CODES.CIRCUIT_OPEN)) {
    const open = e as CircuitOpenError;
    return new CircuitOpenError(openMessage, {
      circuit: open.circuit,
      state: open.state,
      retryAfterMs: open.retryAfterMs,
      service: open.service,
      attempts: open.attempts,
      totalTimeMs: open.totalTimeMs,
      cause: open,
    });
  }
  return lastErrorOf(result);
}

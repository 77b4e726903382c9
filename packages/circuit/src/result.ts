import type { OutcomeKind } from '@rel/config';
import type { CircuitState } from './state.js';

/** `tryExecute()` ran the call and it returned. */
export interface CircuitSuccess<T> {
  readonly ok: true;
  /** What the call returned. */
  readonly value: T;
}

/**
 * `tryExecute()` refused the call without running it. A plain object: building it costs
 * no Error and no stack trace, which is the point of the non-throwing path.
 */
export interface CircuitRejected {
  readonly ok: false;
  readonly rejected: true;
  /** The state that refused the call (`open`, `half_open` or `isolated`). */
  readonly state: CircuitState;
  /** Ms until the breaker may admit a call; `Infinity` while isolated. */
  readonly retryAfterMs: number;
}

/** `tryExecute()` ran the call and it threw (or rejected). */
export interface CircuitFailure {
  readonly ok: false;
  readonly rejected: false;
  /** What the call threw. */
  readonly error: unknown;
  /** How the classifier read `error`. */
  readonly kind: OutcomeKind;
}

/**
 * What `tryExecute()` resolves to; it never rejects.
 *
 * @example
 * ```ts
 * const r = await breaker.tryExecute(() => fetchQuote());
 * if (r.ok) render(r.value);
 * else if (r.rejected) renderBusy(r.retryAfterMs);
 * else log.warn({ err: r.error, kind: r.kind }, 'quote failed');
 * ```
 */
export type CircuitResult<T> = CircuitSuccess<T> | CircuitRejected | CircuitFailure;

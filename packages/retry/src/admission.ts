import type { OutcomeKind } from '@rel/config';

/**
 * A gate consulted before **every** attempt of a retry loop. The circuit breaker
 * implements it; the retry engine knows nothing else about breakers (so @rel/retry does
 * not depend on @rel/circuit).
 *
 * The protocol is allocation-free on purpose (it runs on the hot path):
 * 1. `tryAcquire()` returns a token >= 0 when the attempt may run, or -1 when it may not.
 * 2. After a refusal, `retryAfterMs()` and `state` describe it (for `CircuitOpenError`).
 * 3. After an admitted attempt, `release(token, kind, durationMs)` reports how it went,
 *    exactly once per admitted token (a cancelled attempt reports `cancelled`).
 */
export interface AttemptGate {
  /** Gate name (the breaker's name), used in errors and events. */
  readonly name: string;
  /** Current state name (`closed`, `open`, `half_open`, `isolated`, `disabled`). */
  readonly state: string;
  /** Admit an attempt: a token >= 0, or -1 to refuse. Never throws. */
  tryAcquire(): number;
  /** After a refusal: ms until the gate may admit again (`Infinity` while isolated). */
  retryAfterMs(): number;
  /** Report the outcome of an admitted attempt. Never throws. */
  release(token: number, kind: OutcomeKind, durationMs: number): void;
}

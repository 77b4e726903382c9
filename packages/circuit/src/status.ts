import type { CircuitStrategy } from '@rel/config';
import type { CircuitState } from './state.js';

/**
 * A consistent picture of a breaker at one moment, from `status()`. Reading it applies any
 * transition that is due (an elapsed open time, an expired probe lease) first, so it never
 * reports a state the next call would not see.
 *
 * Counters are lifetime counts since the breaker was created (kept across `reset()` and
 * snapshots). They always add up: `totalCalls = successfulCalls + failedCalls + ignoredCalls`
 * (every admitted call that reported an outcome); `slowCalls <= totalCalls`; rejected calls
 * never ran and are counted apart. Every rate is within [0, 1] (0 when its denominator is 0).
 *
 * @example
 * ```ts
 * app.get('/health/db', (_req, res) => res.json(breaker.status()));
 * ```
 */
export interface CircuitStatus {
  /** Breaker name. */
  readonly name: string;
  /** Current state. */
  readonly state: CircuitState;
  /** Strategy in use. */
  readonly strategy: CircuitStrategy;
  /** Ms until a call may be admitted: 0 when admitting, `Infinity` while isolated. */
  readonly retryAfterMs: number;
  /** Admitted calls that reported an outcome. */
  readonly totalCalls: number;
  /** Calls that succeeded. */
  readonly successfulCalls: number;
  /** Calls that failed with a kind in `failureKinds`. */
  readonly failedCalls: number;
  /** Calls whose outcome does not count for or against the breaker (cancelled, permanent...). */
  readonly ignoredCalls: number;
  /** Calls (of any outcome) that ran longer than `slowCallMs`. */
  readonly slowCalls: number;
  /** Calls refused without running. */
  readonly rejectedCalls: number;
  /** `successfulCalls / totalCalls`. */
  readonly successRate: number;
  /** `failedCalls / totalCalls`. */
  readonly failureRate: number;
  /** `slowCalls / totalCalls`. */
  readonly slowCallRate: number;
  /** `rejectedCalls / (totalCalls + rejectedCalls)`. */
  readonly rejectionRate: number;
  /** Times the breaker opened (isolation not included). */
  readonly opens: number;
  /** Consecutive openings since it was last closed (drives the open-time growth). */
  readonly consecutiveOpenings: number;
  /** Probes running now (half-open only, else 0). */
  readonly probesInFlight: number;
  /** Successful probes since it became half-open (half-open only, else 0). */
  readonly probeSuccesses: number;
  /** Live isolation handles. */
  readonly isolations: number;
}

/** `part / whole`, 0 for an empty whole; always within [0, 1] for `0 <= part <= whole`. @internal */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.min(1, part / whole);
}

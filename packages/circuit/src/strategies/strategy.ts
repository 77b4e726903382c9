import type { CircuitStrategy } from '@rel/config';
import type { StrategySnapshot } from '../snapshot.js';
import type { TripReason } from '../state.js';

/**
 * What a breaker asks of its strategy: "given this outcome, do we open?". Strategies only
 * see outcomes of calls admitted while the breaker was closed; half-open probes are decided
 * by the breaker itself. Both recording methods return the reason to open, or `undefined`.
 *
 * Implementations must not allocate when recording: this runs once per call.
 * @internal
 */
export interface BreakerStrategy {
  readonly kind: CircuitStrategy;
  /** True when recording needs the current time (the breaker skips the clock read otherwise). */
  readonly timed: boolean;
  /** A call succeeded after `durationMs`. */
  success(now: number, durationMs: number): TripReason | undefined;
  /** A call failed (with a kind listed in `failureKinds`) after `durationMs`. */
  failure(now: number, durationMs: number): TripReason | undefined;
  /** Forgets every recorded outcome (on close and on reset). */
  reset(): void;
  /** The recorded outcomes, JSON-safe. */
  snapshot(now: number): StrategySnapshot;
  /**
   * Replaces the recorded outcomes with `snapshot`'s. Returns a problem description when the
   * snapshot was taken under a different strategy or window shape (then nothing changes).
   */
  restore(snapshot: StrategySnapshot, now: number): string | undefined;
}

export type { StrategySnapshot };

import type { TripReason } from '../state.js';
import type { BreakerStrategy, StrategySnapshot } from './strategy.js';
import { TimeBuckets } from './time-buckets.js';

/** Options of {@link TimeWindowStrategy}. @internal */
export interface TimeWindowOptions {
  readonly windowMs: number;
  readonly minimumThroughput: number;
  readonly failureRateThreshold: number;
  /** `slow_call` only: calls slower than this (ms) count as slow. */
  readonly slowCallMs?: number;
  /** `slow_call` only: the slow-call ratio that opens. */
  readonly slowCallRateThreshold?: number;
}

/**
 * `time` and `slow_call`: ratios over a sliding time window of `windowMs`, once at least
 * `minimumThroughput` calls are in it.
 *
 * - `time` opens when `failures / calls >= failureRateThreshold`.
 * - `slow_call` also opens when `slowCalls / calls >= slowCallRateThreshold`, where a call
 *   (success or failure) is slow when it ran longer than `slowCallMs`: a dependency can be
 *   unhealthy while it still answers (resilience4j's slow-call rule; cockatiel has none).
 *
 * The window is a {@link TimeBuckets} ring on the breaker's injected clock (see there for
 * why cockatiel's `SamplingBreaker` does not fit).
 * @internal
 */
export class TimeWindowStrategy implements BreakerStrategy {
  readonly kind: 'time' | 'slow_call';
  readonly timed = true;
  private readonly window: TimeBuckets;
  private readonly minimumThroughput: number;
  private readonly failureRate: number;
  private readonly slowCallMs: number;
  private readonly slowRate: number;

  constructor(options: TimeWindowOptions) {
    this.window = new TimeBuckets(options.windowMs);
    this.minimumThroughput = options.minimumThroughput;
    this.failureRate = options.failureRateThreshold;
    const { slowCallMs, slowCallRateThreshold } = options;
    const slowCall = slowCallMs !== undefined && slowCallRateThreshold !== undefined;
    this.kind = slowCall ? 'slow_call' : 'time';
    // `time` never looks at durations: infinite thresholds mean no call is ever slow.
    this.slowCallMs = slowCall ? slowCallMs : Infinity;
    this.slowRate = slowCall ? slowCallRateThreshold : Infinity;
  }

  /** Calls, failures and slow calls currently in the window (read-only view for tests and status). */
  counts(now: number): { calls: number; failures: number; slow: number } {
    this.window.expire(now);
    return { calls: this.window.calls, failures: this.window.failures, slow: this.window.slow };
  }

  success(now: number, durationMs: number): TripReason | undefined {
    this.window.record(now, false, durationMs > this.slowCallMs);
    // Even a fast success may be the call that reaches minimumThroughput.
    return this.verdict();
  }

  failure(now: number, durationMs: number): TripReason | undefined {
    this.window.record(now, true, durationMs > this.slowCallMs);
    return this.verdict();
  }

  reset(): void {
    this.window.clear();
  }

  snapshot(now: number): StrategySnapshot {
    return { kind: this.kind, bucketMs: this.window.bucketMs, buckets: this.window.toJSON(now) };
  }

  restore(snapshot: StrategySnapshot, now: number): string | undefined {
    if (snapshot.kind !== this.kind) return `strategy is "${this.kind}", snapshot has "${snapshot.kind}"`;
    if (snapshot.bucketMs !== this.window.bucketMs) {
      return `bucket width is ${this.window.bucketMs} ms (from windowMs), snapshot has ${snapshot.bucketMs} ms`;
    }
    this.window.load(snapshot.buckets, now);
    return undefined;
  }

  private verdict(): TripReason | undefined {
    const { calls, failures, slow } = this.window;
    if (calls < this.minimumThroughput) return undefined;
    if (failures / calls >= this.failureRate) return 'failure_rate';
    if (slow / calls >= this.slowRate) return 'slow_call_rate';
    return undefined;
  }
}

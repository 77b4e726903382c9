import { OUTCOME_KINDS, type FailureKind, type HealthConfig, type OutcomeKind } from '@rel/config';
import { ErrorHistory } from '../history/error-history.js';
import { MAX_LATENCY_SLICES, WindowedHistogram } from '../latency/windowed-histogram.js';
import type { HealthScoreInput } from '../score/health-score.js';
import { BucketRing } from '../window/bucket-ring.js';
import { LANE } from './outcome-category.js';
import type { LatencySummary, WindowCounts } from './types.js';

const rate = (s: number, f: number): number => (s + f === 0 ? 1 : s / (s + f));

/**
 * The raw signals of one tracker, all in constant memory: the window ring (successes,
 * failures, rejections, cancellations), the recent-error ring, the latency histogram, the
 * error history, lifetime totals by kind, streaks and the last success/failure times.
 * The tracker owns one and adds the score, the status and the events.
 * @internal
 */
export class HealthSignals {
  readonly window: BucketRing;
  readonly recent: BucketRing;
  readonly latency: WindowedHistogram;
  readonly history: ErrorHistory;
  readonly totals = new Float64Array(OUTCOME_KINDS.length);
  consecutiveFailures = 0;
  consecutiveSuccesses = 0;
  lastSuccessAt = Number.NaN;
  lastFailureAt = Number.NaN;
  private readonly config: HealthConfig;

  constructor(config: HealthConfig) {
    this.config = config;
    const { windowMs, buckets, recentErrorWindowMs, latencySloMs } = config;
    this.window = new BucketRing(windowMs, buckets, 4);
    this.recent = new BucketRing(recentErrorWindowMs, buckets, 2);
    this.latency = new WindowedHistogram(windowMs, Math.min(buckets, MAX_LATENCY_SLICES), latencySloMs);
    this.history = new ErrorHistory(config.errorHistorySize);
  }

  /**
   * Records a validated sample (`code` from `KIND_CODE`). O(1), allocation-free. Returns
   * whether a window it touched moved to a new bucket (samples may have expired, so the
   * tracker must re-evaluate the score).
   */
  record(code: number, kind: OutcomeKind, ms: number, error: unknown, attempt: number, now: number): boolean {
    const lane = code >> 4;
    let moved = this.window.advance(now);
    this.window.add(lane);
    this.totals[code & 15]!++;
    if (lane === LANE.success) {
      if (this.recent.advance(now)) moved = true;
      this.recent.add(0);
      if (this.latency.advance(now)) moved = true;
      this.latency.record(ms);
      this.consecutiveFailures = 0;
      this.consecutiveSuccesses++;
      this.lastSuccessAt = now;
    } else if (lane === LANE.failure) {
      if (this.recent.advance(now)) moved = true;
      this.recent.add(1);
      if (this.latency.advance(now)) moved = true;
      this.latency.record(ms);
      this.consecutiveFailures++;
      this.consecutiveSuccesses = 0;
      this.lastFailureAt = now;
      this.history.add(now, kind as FailureKind, error, attempt);
    }
    return moved;
  }

  /** Moves every window to `now`. */
  advance(now: number): void {
    this.window.advance(now);
    this.recent.advance(now);
    this.latency.advance(now);
  }

  /** Writes the counting signals into `input` (the windows must be advanced to `now`). */
  fill(input: HealthScoreInput, now: number): void {
    input.successes = this.window.total(LANE.success);
    input.failures = this.window.total(LANE.failure);
    input.recentSuccesses = this.recent.total(0);
    input.recentFailures = this.recent.total(1);
    // A run of failures counts only while its newest failure is inside the window: a
    // streak from an hour ago says nothing about now.
    input.consecutiveFailures =
      now - this.lastFailureAt < this.config.windowMs ? this.consecutiveFailures : 0;
    input.latencySamples = this.latency.count;
    input.latencyP95Ms = this.latency.quantileAboveMark(0.95);
  }

  /** Counts of the main window. */
  windowCounts(): WindowCounts {
    const w = this.window;
    const successes = w.total(LANE.success);
    const failures = w.total(LANE.failure);
    return {
      windowMs: this.config.windowMs,
      successes,
      failures,
      rejected: w.total(LANE.rejected),
      cancelled: w.total(LANE.cancelled),
      successRate: rate(successes, failures),
    };
  }

  /** Counts of the recent-error window. */
  recentCounts(): WindowCounts {
    const successes = this.recent.total(0);
    const failures = this.recent.total(1);
    return {
      windowMs: this.config.recentErrorWindowMs,
      successes,
      failures,
      successRate: rate(successes, failures),
    };
  }

  /** Latency percentiles of the window. */
  latencySummary(): LatencySummary {
    const { count } = this.latency;
    const slo = this.config.latencySloMs;
    const sloPart = slo === undefined ? {} : { sloMs: slo };
    if (count === 0) return { count, ...sloPart };
    return {
      count,
      p50Ms: this.latency.quantile(0.5)!,
      p95Ms: this.latency.quantile(0.95)!,
      p99Ms: this.latency.quantile(0.99)!,
      ...sloPart,
    };
  }

  /** Lifetime totals by kind. */
  totalsByKind(): Record<OutcomeKind, number> {
    return Object.fromEntries(OUTCOME_KINDS.map((k, i) => [k, this.totals[i]!])) as Record<
      OutcomeKind,
      number
    >;
  }

  /** Forgets everything. */
  reset(): void {
    this.window.reset();
    this.recent.reset();
    this.latency.reset();
    this.history.clear();
    this.totals.fill(0);
    this.consecutiveFailures = 0;
    this.consecutiveSuccesses = 0;
    this.lastSuccessAt = Number.NaN;
    this.lastFailureAt = Number.NaN;
  }
}

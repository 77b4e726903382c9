import { OUTCOME_KINDS, type FailureKind, type HealthConfig, type OutcomeKind } from '@rel/config';
import { ErrorHistory } from '../history/error-history.js';
import { MAX_LATENCY_SLICES, WindowedHistogram } from '../latency/windowed-histogram.js';
import type { HealthScoreInput } from '../score/health-score.js';
import { BucketRing } from '../window/bucket-ring.js';
import { LANE, SUCCESS_CODE } from './outcome-category.js';
import type { LatencySummary, WindowCounts } from './types.js';

const rate = (s: number, f: number): number => (s + f === 0 ? 1 : s / (s + f));
const SUCCESS_INDEX = SUCCESS_CODE & 15;

/**
 * The raw signals of one tracker, all in constant memory: the window ring (successes,
 * failures, rejections, cancellations), the recent-error ring, the latency histogram, the
 * error history, lifetime totals by kind, streaks and the last success/failure times.
 * The tracker owns one and adds the score, the status and the events.
 *
 * A success that lands in the same buckets as the record before it is counted in one
 * field (`pending`) instead of four array cells (two rings and the lifetime total), and
 * the run is added to the rings before anything reads them or moves them (`settle()`), so
 * every count read is exact. The latency histogram records every sample as it comes.
 * @internal
 */
export class HealthSignals {
  private readonly window: BucketRing;
  private readonly recent: BucketRing;
  readonly latency: WindowedHistogram;
  readonly history: ErrorHistory;
  private readonly totals = new Float64Array(OUTCOME_KINDS.length);
  consecutiveFailures = 0;
  consecutiveSuccesses = 0;
  lastSuccessAt = Number.NaN;
  lastFailureAt = Number.NaN;
  private readonly config: HealthConfig;
  /** Successes counted here, not yet in the current buckets of both rings and the totals. */
  private pending = 0;
  /** Below this time neither ring would move: a success can join `pending`. */
  private pendingUntil = -Infinity;

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
    if (code === SUCCESS_CODE && now < this.pendingUntil) {
      this.pending++;
      const moved = this.latency.advance(now);
      this.latency.record(ms);
      this.consecutiveFailures = 0;
      this.consecutiveSuccesses++;
      this.lastSuccessAt = now;
      return moved;
    }
    this.settle();
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
    // The recent ring may lag (not advanced for rejections): its older edge only makes
    // this bound earlier, never later.
    this.pendingUntil = Math.min(this.window.nextAt, this.recent.nextAt);
    return moved;
  }

  /** Adds the pending run of successes to the rings' current buckets and the totals. */
  private settle(): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    this.window.add(LANE.success, n);
    this.recent.add(0, n);
    this.totals[SUCCESS_INDEX]! += n;
  }

  /** Moves every window to `now`. */
  advance(now: number): void {
    this.settle();
    this.window.advance(now);
    this.recent.advance(now);
    this.latency.advance(now);
  }

  /** Writes the counting signals into `input` (the windows must be advanced to `now`). */
  fill(input: HealthScoreInput, now: number): void {
    this.settle();
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
    this.settle();
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
    this.settle();
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
    this.settle();
    return Object.fromEntries(OUTCOME_KINDS.map((k, i) => [k, this.totals[i]!])) as Record<
      OutcomeKind,
      number
    >;
  }

  /** Forgets everything. */
  reset(): void {
    this.pending = 0;
    this.pendingUntil = -Infinity;
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

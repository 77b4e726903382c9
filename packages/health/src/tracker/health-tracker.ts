import {
  EventEmitter,
  InvalidStateError,
  parseHealthConfig,
  systemClock,
  type Clock,
  type Event,
  type HealthConfig,
  type HealthConfigInput,
} from '@rel/config';
import type { ErrorHistoryEntry } from '../history/error-history.js';
import { toBreakerState, type BreakerState, type BreakerStateSource } from '../score/breaker-state.js';
import { healthScore, healthScoreBreakdown, type HealthScoreInput } from '../score/health-score.js';
import { changeDirection, nextStatus, statusForScore, type HealthStatus } from '../score/health-status.js';
import { HealthSignals } from './health-signals.js';
import { KIND_CODE, SUCCESS_CODE } from './outcome-category.js';
import type {
  HealthSample,
  HealthSnapshot,
  HealthStatusChange,
  HealthTrackerOptions,
  LatencySummary,
} from './types.js';
import { checkBudgetLevel, checkName, throwInvalidSample } from './validate.js';

/**
 * Health of one service (or one operation of it): success rate over a sliding window,
 * recent errors, consecutive failures, an error history, latency percentiles, breaker
 * state and budget level, folded into a score in [0, 1] and a status with hysteresis.
 *
 * - `record()` is O(1) and allocation-free (counters in rings of time buckets, a
 *   constant-size latency histogram, an error ring); memory is constant whatever the traffic.
 * - The score is `healthScore()` (formula in its TSDoc and the README); the status is
 *   `healthy` >= 0.9, `degraded` >= 0.7, `unhealthy` >= 0.5, else `critical`, changed only
 *   when the score crosses a threshold by `hysteresis` (see `nextStatus()`).
 * - Status is re-evaluated on every setter and read, and on every record that can change
 *   it; there is no timer. A change fires `onStatusChange` (`health_degraded` /
 *   `health_recovered` on the wire). A success recorded while `healthy`, with no window
 *   rotation and nothing that could raise a penalty, is the one record that cannot change
 *   the status, so it skips the score (reads still compute it in full): statuses, scores
 *   and events are exactly those of re-evaluating after every record.
 *
 * @example
 * ```ts
 * const health = new ReliabilityHealthTracker('openai', { latencySloMs: 2_000 }, { operation: 'chat' });
 * health.onStatusChange((c) => log.warn(c, `openai is ${c.to}`));
 * health.record({ kind: 'success', durationMs: 840 });
 * health.record({ kind: 'rate_limited', durationMs: 120, attempt: 1, error });
 * health.snapshot(); // { status: 'healthy', score: 0.84, latency: { p95Ms: 843.75, ... }, ... }
 * ```
 */
export class ReliabilityHealthTracker {
  /** Service name. */
  readonly service: string;
  /** Operation name, when the tracker is per operation. */
  readonly operation: string | undefined;
  /** The validated, frozen configuration. */
  readonly config: HealthConfig;
  private readonly clock: Clock;
  private readonly signals: HealthSignals;
  private readonly changes = new EventEmitter<HealthStatusChange>();
  private readonly breakerSource: BreakerStateSource | undefined;
  private readonly budgetSource: (() => number | undefined) | undefined;
  private readonly input: HealthScoreInput;
  private manualBreakerState: BreakerState | undefined;
  private budgetLevel: number | undefined;
  private currentStatus: HealthStatus;
  /** The score of the last evaluation (reads re-evaluate first: it may lag behind records). */
  private currentScore: number;
  /** No source is read at evaluation (breaker, budget): nothing can change unseen. */
  private readonly ownInputs: boolean;

  /** Fires on every status change. Nothing is built when nobody listens. */
  readonly onStatusChange: Event<HealthStatusChange> = this.changes.event;

  /**
   * @param service - Service name (non-empty).
   * @param config - A `HealthConfig` or any part of one (validated by `parseHealthConfig`;
   *   defaults: 60 s window in 12 buckets, 100 errors, 5 min recent window, 0.9/0.7/0.5,
   *   hysteresis 0.05, minSamples 5). Bad values throw `RelConfigError`.
   * @param options - Clock (default `systemClock`), operation, breaker and budget sources.
   */
  constructor(
    service: string,
    config?: HealthConfig | HealthConfigInput,
    options: HealthTrackerOptions = {},
  ) {
    this.service = checkName(service, 'service', 'health tracker');
    this.operation =
      options.operation === undefined
        ? undefined
        : checkName(options.operation, 'operation', 'health tracker');
    this.config = parseHealthConfig(config);
    this.clock = options.clock ?? systemClock;
    this.breakerSource = options.breaker;
    this.budgetSource = options.budgetLevel;
    this.signals = new HealthSignals(this.config);
    this.ownInputs = this.breakerSource === undefined && this.budgetSource === undefined;
    this.input = {
      successes: 0,
      failures: 0,
      recentSuccesses: 0,
      recentFailures: 0,
      consecutiveFailures: 0,
      minSamples: this.config.minSamples,
      breakerState: undefined,
      budgetLevel: undefined,
      latencySloMs: this.config.latencySloMs,
      latencyP95Ms: undefined,
      latencySamples: 0,
    };
    // The first status is read from the first score without hysteresis (no data: healthy).
    this.currentScore = healthScore(this.fillInput(this.clock.now()));
    this.currentStatus = statusForScore(this.currentScore, this.config);
  }

  /**
   * Records one outcome. O(1), no allocation (a failure keeps the error's message and
   * name, never the error). Bad input throws `RelValidationError` (`REL_INVALID_EVENT`)
   * naming each bad field; nothing is recorded then.
   */
  record(sample: HealthSample): void {
    const kind = sample.kind;
    // One comparison for the common kind; the table (a dictionary) for the others.
    const code = kind === 'success' ? SUCCESS_CODE : KIND_CODE[kind];
    const ms = sample.durationMs;
    const attempt = sample.attempt;
    if (code === undefined || !(ms >= 0) || ms === Infinity) throwInvalidSample(sample);
    if (attempt !== undefined && !(attempt >= 1 && Number.isInteger(attempt))) throwInvalidSample(sample);
    const now = this.clock.now();
    const moved = this.signals.record(code, kind, ms, sample.error, attempt ?? 0, now);
    if (moved || code !== SUCCESS_CODE || !this.successKeepsStatus()) this.evaluate(now);
  }

  /**
   * Whether a success just recorded, with no window moved since the last evaluation,
   * leaves the status as it is, so re-evaluating can be skipped. True when the status is
   * `healthy` and no penalty can have grown since the last evaluation: only successes were
   * added since (any other record evaluates), which can only lower the failure and recent
   * error ratios and end a failure run; the breaker state and budget level change only
   * through setters, which evaluate (a source read at evaluation could change unseen, so
   * with one this is false); and the latency penalty is 0 without an SLO or with no
   * sample above it. A score that did not fall keeps `healthy` (`nextStatus` only
   * degrades below a threshold minus the hysteresis), so no event is missed or moved.
   */
  private successKeepsStatus(): boolean {
    return (
      this.currentStatus === 'healthy' &&
      this.ownInputs &&
      (this.config.latencySloMs === undefined || this.signals.latency.aboveMark === 0)
    );
  }

  /** Sets the breaker state (`undefined`: unknown). Throws when a `breaker` source was given. */
  setBreakerState(state: BreakerState | undefined): void {
    if (this.breakerSource)
      throw new InvalidStateError('this tracker reads its breaker state from options.breaker');
    this.manualBreakerState = state === undefined ? undefined : toBreakerState(state);
    this.refresh();
  }

  /** Sets the retry budget level in [0, 1] (`undefined`: unknown). Throws when a `budgetLevel` source was given. */
  setBudgetLevel(level: number | undefined): void {
    if (this.budgetSource)
      throw new InvalidStateError('this tracker reads its budget level from options.budgetLevel');
    this.budgetLevel = checkBudgetLevel(level, 'budgetLevel');
    this.refresh();
  }

  /** The current status (re-evaluated now). */
  get status(): HealthStatus {
    this.refresh();
    return this.currentStatus;
  }

  /** The current score in [0, 1] (re-evaluated now). */
  get score(): number {
    this.refresh();
    return this.currentScore;
  }

  /** The breaker state the score uses (from `options.breaker` or `setBreakerState`), if known. */
  get breakerState(): BreakerState | undefined {
    this.refresh();
    return this.input.breakerState;
  }

  /** Latency percentiles (p50/p95/p99, ms) over the window. */
  latencySummary(): LatencySummary {
    this.signals.latency.advance(this.clock.now());
    return this.signals.latencySummary();
  }

  /** The error history, oldest first (at most `errorHistorySize` entries). */
  errors(): ErrorHistoryEntry[] {
    return this.signals.history.entries();
  }

  /** Everything the tracker knows, now. */
  snapshot(): HealthSnapshot {
    const now = this.refresh();
    const s = this.signals;
    const input = this.input;
    const lastError = s.history.last();
    return {
      service: this.service,
      ...(this.operation === undefined ? {} : { operation: this.operation }),
      time: now,
      status: this.currentStatus,
      score: this.currentScore,
      breakdown: healthScoreBreakdown(input),
      window: s.windowCounts(),
      recent: s.recentCounts(),
      consecutiveFailures: s.consecutiveFailures,
      consecutiveSuccesses: s.consecutiveSuccesses,
      latency: s.latencySummary(),
      ...(input.breakerState === undefined ? {} : { breakerState: input.breakerState }),
      ...(input.budgetLevel === undefined ? {} : { budgetLevel: input.budgetLevel }),
      ...(Number.isNaN(s.lastSuccessAt) ? {} : { lastSuccessAt: s.lastSuccessAt }),
      ...(Number.isNaN(s.lastFailureAt) ? {} : { lastFailureAt: s.lastFailureAt }),
      ...(lastError === undefined ? {} : { lastError }),
      thresholds: {
        healthy: this.config.healthyThreshold,
        degraded: this.config.degradedThreshold,
        unhealthy: this.config.unhealthyThreshold,
      },
      totals: s.totalsByKind(),
    };
  }

  /** Forgets every sample, error and streak (keeps the breaker state and budget level). */
  reset(): void {
    this.signals.reset();
    this.refresh();
  }

  private refresh(): number {
    const now = this.clock.now();
    this.signals.advance(now);
    this.evaluate(now);
    return now;
  }

  private evaluate(now: number): void {
    const score = healthScore(this.fillInput(now));
    this.currentScore = score;
    const from = this.currentStatus;
    const to = nextStatus(from, score, this.config);
    if (to === from) return;
    this.currentStatus = to;
    if (this.changes.size === 0) return;
    this.changes.emit({
      service: this.service,
      ...(this.operation === undefined ? {} : { operation: this.operation }),
      from,
      to,
      score,
      direction: changeDirection(from, to),
      time: now,
    });
  }

  /** Refreshes the reusable score input (the windows must be advanced to `now`). */
  private fillInput(now: number): HealthScoreInput {
    const input = this.input;
    this.signals.fill(input, now);
    input.breakerState = this.breakerSource
      ? toBreakerState(this.breakerSource.state, 'breaker.state')
      : this.manualBreakerState;
    input.budgetLevel = this.budgetSource
      ? checkBudgetLevel(this.budgetSource(), 'budgetLevel()')
      : this.budgetLevel;
    return input;
  }
}

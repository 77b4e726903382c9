import type { OutcomeKind } from '@rel/config';
import type { ReliabilityHealthTracker } from '@rel/health';
import type { RetryBudget } from '@rel/retry';
import type { Logger } from 'pino';
import type { ClockCell } from './clock-cell.js';

/**
 * Feeds one instance's health tracker: attempt outcomes (from the admission gate and the
 * retry engine's failure event), call-level rejections, and the retry budget level.
 *
 * The budget level is `min(1, tokens / floor)`, where `floor` is the budget's per-second
 * allowance (`minRetriesPerSecond`, at least 1): 1 while a second's worth of retries is
 * available, falling towards 0 as an outage drains it. It is read on the failure path and,
 * only while it is below 1, after successes too; a healthy service never pays for it.
 * @internal
 */
export class HealthRecorder {
  readonly tracker: ReliabilityHealthTracker;
  private readonly clock: ClockCell;
  private readonly budget: RetryBudget | undefined;
  private readonly floor: number;
  private readonly logger: Logger;
  /** Reused for every success and cancellation: recording allocates nothing. */
  private readonly sample: { kind: OutcomeKind; durationMs: number } = { kind: 'success', durationMs: 0 };
  private budgetLevel = 1;
  private broken = false;

  constructor(
    tracker: ReliabilityHealthTracker,
    clock: ClockCell,
    budget: RetryBudget | undefined,
    logger: Logger,
  ) {
    this.tracker = tracker;
    this.clock = clock;
    this.budget = budget;
    this.floor = budget === undefined ? 1 : Math.max(1, budget.settings.minRetriesPerSecond);
    this.logger = logger;
    if (budget !== undefined) tracker.setBudgetLevel(1);
  }

  /**
   * An admitted attempt ended (called from the gate's `release`, right after the engine
   * read the clock). Successes and cancellations are recorded here; failures come with
   * their error through {@link HealthRecorder.failure}.
   */
  attempt(kind: OutcomeKind, durationMs: number): void {
    if (kind !== 'success' && kind !== 'cancelled') return;
    const clock = this.clock;
    const sample = this.sample;
    sample.kind = kind;
    sample.durationMs = durationMs;
    clock.pinned = true;
    try {
      this.tracker.record(sample);
    } catch (error) {
      this.failedToRecord(error);
    }
    clock.pinned = false;
    if (this.budgetLevel < 1) this.refreshBudget();
  }

  /**
   * A failed attempt, with what it failed with (for the error history). Called from the
   * engine's failure event, which fires right after the engine read the clock for this
   * attempt (the instance subscribes first, at creation), so health and the budget level
   * get that reading instead of two more.
   */
  failure(kind: OutcomeKind, durationMs: number, attempt: number, error: unknown): void {
    const clock = this.clock;
    clock.pinned = true;
    try {
      this.tracker.record({ kind, durationMs, attempt, error });
    } catch (e) {
      this.failedToRecord(e);
    }
    try {
      this.refreshBudget();
    } finally {
      clock.pinned = false;
    }
  }

  /** A call refused before reaching the dependency (breaker, budget, bulkhead). */
  rejected(kind: 'circuit_open' | 'budget_exhausted' | 'bulkhead_rejected'): void {
    try {
      this.tracker.record({ kind, durationMs: 0 });
    } catch (error) {
      this.failedToRecord(error);
    }
    this.refreshBudget();
  }

  /** Re-reads the budget level into the tracker (when it changed). */
  refreshBudget(): void {
    const budget = this.budget;
    if (budget === undefined) return;
    const level = Math.min(1, budget.available(this.clock.now()) / this.floor);
    if (level === this.budgetLevel) return;
    this.budgetLevel = level;
    this.tracker.setBudgetLevel(level);
  }

  private failedToRecord(error: unknown): void {
    // Never thrown into the retry engine (a gate must not throw); reported once.
    if (this.broken) return;
    this.broken = true;
    this.logger.error(
      { err: error },
      'recording an outcome in health failed; further failures are not logged',
    );
  }
}

import type { RetryBudgetConfig } from '@rel/config';

/** The numbers of a budget (a {@link RetryBudgetConfig} without its key). */
export type RetryBudgetSettings = Omit<RetryBudgetConfig, 'key'>;

/** A point-in-time view of a budget, for health checks and metrics. */
export interface RetryBudgetSnapshot {
  /** The dependency key the budget belongs to. */
  readonly key: string;
  /** Tokens available now (>= 0): how many retries may start right away. */
  readonly available: number;
  /** Of which from unexpired deposits (first attempts x ratio). */
  readonly fromDeposits: number;
  /** Of which from the per-second floor. */
  readonly fromFloor: number;
  /** Retries allowed since the budget was created. */
  readonly allowed: number;
  /** Retries refused since the budget was created. */
  readonly refused: number;
}

/**
 * A retry budget for one dependency, shared by every handler of that dependency. The
 * handler calls `deposit` when a call's first attempt starts and `tryWithdraw` before
 * each retry; a refusal ends the call with `budget_exhausted`.
 *
 * Implementations must be synchronous and O(1) (they run on every call). A store backed
 * by a shared service (Redis) keeps a local budget like this one and syncs it in the
 * background; see {@link BudgetStore}.
 *
 * @example
 * ```ts
 * const budget = new TokenBucketBudget('openai', DEFAULT_RETRY_BUDGET);
 * budget.deposit(clock.now());
 * if (!budget.tryWithdraw(clock.now())) throw new BudgetExhaustedError('no retry budget left');
 * ```
 */
export interface RetryBudget {
  /** The dependency key. */
  readonly key: string;
  /** The numbers it was created with. */
  readonly settings: RetryBudgetSettings;
  /** A first attempt started: deposit `ratio` tokens. */
  deposit(now: number): void;
  /** A retry wants to start: take one token and return true, or return false (nothing taken). */
  tryWithdraw(now: number): boolean;
  /** Tokens available now (>= 0). */
  available(now: number): number;
  /** Counters and levels, for health and metrics. */
  snapshot(now: number): RetryBudgetSnapshot;
}

/**
 * Where handlers find the budget of a dependency: the same key gives the same budget, so
 * every handler of a dependency draws on one bucket.
 *
 * @example
 * ```ts
 * const store = new InMemoryBudgetStore();
 * const a = new UnifiedRetryHandler('search', {}, { budget: store });
 * const b = new UnifiedRetryHandler('search', {}, { budget: store }); // shares a's budget
 * ```
 */
export interface BudgetStore {
  /**
   * The budget for `key`, created with `settings` on first use.
   * @throws `RegistryConflictError` when `key` exists with different settings.
   */
  get(key: string, settings: RetryBudgetSettings): RetryBudget;
}

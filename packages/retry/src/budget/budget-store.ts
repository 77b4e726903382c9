import { RegistryConflictError } from '@rel/config';
import { TokenBucketBudget } from './token-bucket.js';
import type { BudgetStore, RetryBudget, RetryBudgetSettings } from './types.js';

const same = (a: RetryBudgetSettings, b: RetryBudgetSettings): boolean =>
  a.ratio === b.ratio && a.minRetriesPerSecond === b.minRetriesPerSecond && a.ttlMs === b.ttlMs;

/**
 * Budgets in this process, one {@link TokenBucketBudget} per key. Asking again for a key
 * with the same settings returns the same budget; different settings are a bug and throw
 * {@link RegistryConflictError} (one dependency, one budget: never silently replaced).
 *
 * @example
 * ```ts
 * const store = new InMemoryBudgetStore();
 * const budget = store.get('openai', DEFAULT_RETRY_BUDGET);
 * store.get('openai', DEFAULT_RETRY_BUDGET) === budget; // true
 * ```
 */
export class InMemoryBudgetStore implements BudgetStore {
  private readonly budgets = new Map<string, RetryBudget>();

  get(key: string, settings: RetryBudgetSettings): RetryBudget {
    const existing = this.budgets.get(key);
    if (existing) {
      if (!same(existing.settings, settings)) {
        const show = (s: RetryBudgetSettings): string =>
          `ratio ${s.ratio}, minRetriesPerSecond ${s.minRetriesPerSecond}, ttlMs ${s.ttlMs}`;
        throw new RegistryConflictError(
          'retry budget',
          key,
          `existing: ${show(existing.settings)}; requested: ${show(settings)}`,
        );
      }
      return existing;
    }
    const budget = new TokenBucketBudget(key, {
      ratio: settings.ratio,
      minRetriesPerSecond: settings.minRetriesPerSecond,
      ttlMs: settings.ttlMs,
    });
    this.budgets.set(key, budget);
    return budget;
  }

  /** The budget for `key`, if one was created. */
  peek(key: string): RetryBudget | undefined {
    return this.budgets.get(key);
  }

  /** Every key with a budget. */
  keys(): string[] {
    return [...this.budgets.keys()];
  }

  /** Forgets every budget (tests, or a configuration reload). */
  clear(): void {
    this.budgets.clear();
  }
}

// Kept on globalThis under a registered symbol so that two copies of @rel in one process
// still share one budget per dependency.
const STORE_KEY = Symbol.for('@rel/retry/budget-store');

/**
 * The process-wide budget store that handlers use unless given another one: every handler
 * of a dependency (same `budget.key`, or the same service name) in this process shares a
 * budget. Created on first use.
 *
 * @example
 * ```ts
 * defaultBudgetStore().peek('openai')?.available(Date.now());
 * ```
 */
export function defaultBudgetStore(): InMemoryBudgetStore {
  const holder = globalThis as { [STORE_KEY]?: InMemoryBudgetStore };
  return (holder[STORE_KEY] ??= new InMemoryBudgetStore());
}

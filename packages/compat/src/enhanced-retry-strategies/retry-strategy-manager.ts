import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { DEFAULT_RETRY_CONFIG_TABLE } from './default-retry-configs.js';
import type { EnhancedRetryStrategy } from './enhanced-retry-strategy.js';
import { checkOperationType, type OperationType } from './operation-type.js';
import { createStrategyFor } from './retry-strategy-factory.js';
import { UseScope } from '../deprecation/use-scope.js';

/**
 * Counts of `recordRetryAttempt` for one operation type.
 * @deprecated Use `ReliabilityManager#metrics()` and `health()` from `@rel/core`. Removed in 2.0.0 (REL_DEP056).
 */
export interface RetryAttemptCounts {
  attempts: number;
  successes: number;
  failures: number;
}

/**
 * What `getRetryMetrics()` returns (legacy snake_case keys).
 * @deprecated Use `ReliabilityManager#metrics()` and `health()` from `@rel/core`. Removed in 2.0.0 (REL_DEP056).
 */
export interface RetryStrategyMetrics {
  /** Counts per operation type value. */
  readonly total_metrics: Readonly<Record<string, Readonly<RetryAttemptCounts>>>;
  /** How many strategies are cached. */
  readonly active_strategies: number;
  /** Class name per cache key (`"database_read:default": "DatabaseRetryStrategy"`). */
  readonly strategy_types: Readonly<Record<string, string>>;
}

// The global instance is built when the module loads; that is not a use.
const scope = new UseScope();

/**
 * The Era A `RetryManager` of core/retry_strategy_manager (not the agents `RetryManager`
 * of `@rel/compat/retry-manager`; `StrategyRetryManager` at the package root): a cache of
 * strategies per operation and per-type counters.
 *
 * - `getStrategy(operationType, operationId?)`: cached under
 *   `"<operation type>:<operationId or 'default'>"`, built by the factory mapping with the
 *   `DEFAULT_RETRY_CONFIGS` row (the Era A defaults for types without one).
 * - `recordRetryAttempt(operationType, success)`: `{ attempts, successes, failures }` per type.
 * - `getRetryMetrics()`: `{ total_metrics, active_strategies, strategy_types }` (copies).
 *
 * Strategies it returns retry through the default manager with `executeWithRetry`, under
 * `retry_strategy_<operation type>`.
 *
 * @deprecated Use `ReliabilityManager` from `@rel/core` (`get(name, profile)` caches one
 * instance per dependency; `metrics()` and `health()` count every call). Removed in 2.0.0 (REL_DEP056).
 * @example
 * ```ts
 * const manager = new RetryManager();
 * const strategy = manager.getStrategy(OperationType.DATABASE_WRITE, 'orders');
 * manager.recordRetryAttempt(OperationType.DATABASE_WRITE, true);
 * manager.getRetryMetrics().total_metrics.database_write; // { attempts: 1, successes: 1, failures: 0 }
 * ```
 */
export class RetryManager {
  /** Cached strategies by cache key. */
  readonly strategies = new Map<string, EnhancedRetryStrategy>();
  /** Counters by operation type value. */
  readonly metrics = new Map<string, RetryAttemptCounts>();
  /** The deprecation code a use of this object counts under. @internal */
  declare readonly deprecationCode: DeprecationCode;

  constructor() {
    Object.defineProperty(this, 'deprecationCode', { value: scope.code ?? 'REL_DEP056', enumerable: false });
    if (scope.code === undefined) useLegacy(this.deprecationCode);
  }

  /**
   * The strategy of an operation, created on first request.
   * @throws {@link RelConfigError} for an unknown operation type.
   */
  getStrategy(operationType: OperationType, operationId?: string | null): EnhancedRetryStrategy {
    useLegacy(this.deprecationCode);
    const type = checkOperationType(operationType);
    // Python's `operation_id or 'default'`: an empty id is the default one too.
    const key = `${type}:${operationId || 'default'}`;
    let strategy = this.strategies.get(key);
    if (strategy === undefined) {
      strategy = createStrategyFor(
        type,
        (DEFAULT_RETRY_CONFIG_TABLE as Partial<Record<string, object>>)[type],
      );
      this.strategies.set(key, strategy);
    }
    return strategy;
  }

  /**
   * Counts one retry attempt of an operation type.
   * @throws {@link RelConfigError} for an unknown operation type.
   */
  recordRetryAttempt(operationType: OperationType, success: boolean): void {
    useLegacy(this.deprecationCode);
    const type = checkOperationType(operationType);
    const counts = this.metrics.get(type) ?? { attempts: 0, successes: 0, failures: 0 };
    counts.attempts += 1;
    if (success) counts.successes += 1;
    else counts.failures += 1;
    this.metrics.set(type, counts);
  }

  /** The counters and cached strategies (legacy snake_case keys; a snapshot). */
  getRetryMetrics(): RetryStrategyMetrics {
    useLegacy(this.deprecationCode);
    return {
      total_metrics: Object.fromEntries([...this.metrics].map(([k, v]) => [k, { ...v }])),
      active_strategies: this.strategies.size,
      strategy_types: Object.fromEntries([...this.strategies].map(([k, s]) => [k, s.constructor.name])),
    };
  }
}

function globalManager(): RetryManager {
  return scope.run('REL_DEP057', () => new RetryManager());
}

/**
 * The Era A global `retry_manager` of core/retry_strategy_manager (`strategyRetryManager` at
 * the package root): one {@link RetryManager} per process. Its first use warns `REL_DEP057`.
 *
 * @deprecated Use the process default manager, `getDefaultManager()` from `@rel/core`.
 * Removed in 2.0.0 (REL_DEP057).
 * @example
 * ```ts
 * const strategy = retryManager.getStrategy(OperationType.LLM_REQUEST);
 * ```
 */
export const retryManager: RetryManager = globalManager();

import { useLegacy } from '../deprecation/warn-once.js';
import { AdaptiveRetryStrategy } from './adaptive-retry-strategy.js';
import { ApiRetryStrategy } from './api-retry-strategy.js';
import { DatabaseRetryStrategy } from './database-retry-strategy.js';
import type { EnhancedRetryConfig } from './enhanced-retry-config.js';
import type { EnhancedRetryStrategy, StrategyOptions } from './enhanced-retry-strategy.js';
import { MemoryAwareRetryStrategy } from './memory-aware-retry-strategy.js';
import { checkOperationType, type OperationType } from './operation-type.js';
import type { StrategyConfigInput } from './strategy-config.js';

/**
 * The factory's mapping, without counting a use of `RetryStrategyFactory` (the manager uses
 * it). Strategies record under `retry_strategy_<operation type>` unless `options.service` says otherwise.
 * @internal
 */
export function createStrategyFor(
  operationType: OperationType,
  config: StrategyConfigInput | EnhancedRetryConfig | undefined,
  options: StrategyOptions = {},
): EnhancedRetryStrategy {
  const type = checkOperationType(operationType);
  const o: StrategyOptions = { service: `retry_strategy_${type}`, ...options };
  switch (type) {
    case 'database_read':
    case 'database_write':
      return new DatabaseRetryStrategy(config, o);
    case 'external_api':
      return new ApiRetryStrategy(config, o);
    case 'agent_execution':
      return new MemoryAwareRetryStrategy(config, 0.8, o);
    default:
      return new AdaptiveRetryStrategy(config, o);
  }
}

/**
 * The Era A `RetryStrategyFactory` (core/retry_strategy_factory). `createStrategy(operationType,
 * config?)`: `database_read` / `database_write` → {@link DatabaseRetryStrategy};
 * `external_api` → {@link ApiRetryStrategy}; `agent_execution` →
 * {@link MemoryAwareRetryStrategy} (threshold 0.8); anything else → {@link AdaptiveRetryStrategy}.
 * Without a config, the Era A `RetryConfig()` defaults (3 retries, 1 s, cap 300 s,
 * exponential, full jitter), not the `DEFAULT_RETRY_CONFIGS` row, as legacy.
 *
 * @deprecated Use the reliability profiles of `@rel/config` (`DATABASE_RELIABILITY_PROFILE`,
 * `API_RELIABILITY_PROFILE`, `AGENT_RELIABILITY_PROFILE`, ...) with
 * `getDefaultManager().get(name, profile)` from `@rel/core`. Removed in 2.0.0 (REL_DEP054).
 * @example
 * ```ts
 * const strategy = RetryStrategyFactory.createStrategy(OperationType.EXTERNAL_API, DEFAULT_RETRY_CONFIGS.external_api);
 * strategy instanceof ApiRetryStrategy; // true
 * ```
 */
export class RetryStrategyFactory {
  /**
   * The strategy for an operation type (see the class docs).
   * @param options - compat addition: random source and service name of the strategy.
   * @throws {@link RelConfigError} for an unknown operation type or a bad config.
   */
  static createStrategy(
    operationType: OperationType,
    config?: StrategyConfigInput | EnhancedRetryConfig,
    options?: StrategyOptions,
  ): EnhancedRetryStrategy {
    useLegacy('REL_DEP054');
    return createStrategyFor(operationType, config, options);
  }
}

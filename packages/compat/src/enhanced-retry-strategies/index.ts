// @rel/compat/enhanced-retry-strategies: the Era A core/enhanced_retry_strategies module and
// the core/retry_strategy_* modules it re-exported, with the Era A OperationType,
// ErrorSeverity and RecoveryContext they used.
export { EnhancedRetryConfig } from './enhanced-retry-config.js';
export type { EnhancedRetryConfigInit } from './enhanced-retry-config.js';
export type { StrategyConfigInput, StrategyRetryConfig } from './strategy-config.js';
export { EnhancedRetryStrategy } from './enhanced-retry-strategy.js';
export type { StrategyCallContext, StrategyOptions } from './enhanced-retry-strategy.js';
export {
  DATABASE_CONSTRAINT_TERMS,
  DATABASE_RETRYABLE_TERMS,
  DatabaseRetryStrategy,
} from './database-retry-strategy.js';
export { API_RETRYABLE_STATUSES, API_RETRYABLE_TERMS, ApiRetryStrategy } from './api-retry-strategy.js';
export { MemoryAwareRetryStrategy } from './memory-aware-retry-strategy.js';
export type { MemoryAwareStrategyOptions } from './memory-aware-retry-strategy.js';
export { systemMemoryUsage } from './memory-usage.js';
export type { MemoryUsageReader } from './memory-usage.js';
export { ADAPTIVE_PATTERN_TERMS, AdaptiveRetryStrategy } from './adaptive-retry-strategy.js';
export { RetryStrategyFactory } from './retry-strategy-factory.js';
export { DEFAULT_RETRY_CONFIGS } from './default-retry-configs.js';
export { RetryManager, retryManager } from './retry-strategy-manager.js';
export type { RetryAttemptCounts, RetryStrategyMetrics } from './retry-strategy-manager.js';
export { calculateRetryDelay } from './calculate-retry-delay.js';
export { exponentialBackoffRetry } from './exponential-backoff-retry.js';
export type { RetrySource } from './exponential-backoff-retry.js';
export { OperationType } from './operation-type.js';
export { ErrorSeverity } from './error-severity.js';
export { RecoveryContext } from './recovery-context.js';
export type { RecoveryContextInit, RecoveryContextLike } from './recovery-context.js';

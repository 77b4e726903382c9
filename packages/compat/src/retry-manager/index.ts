// @rel/compat/retry-manager: the legacy agents/base/retry_manager module.
export { BackoffStrategy } from './backoff-strategy.js';
export { RetryManager } from './retry-manager.js';
export { RETRY_MANAGER_DEFAULT_RETRYABLE } from './retry-manager-config.js';
export type { RetryManagerChanges, RetryManagerOptions } from './retry-manager-config.js';
export { RetryResult } from './retry-result.js';
export { MAX_OPERATION_RECORDS } from './retry-statistics.js';
export type { EmptyRetryStatistics, RetryStatistics } from './retry-statistics.js';
export type { RetryManagerHealth } from './retry-manager-health.js';

// @rel/compat/resilience-retry-manager: the legacy core/resilience/retry_manager module.
export { UnifiedRetryManager } from './unified-retry-manager.js';
export type { UnifiedRetryManagerOptions } from './unified-retry-manager.js';
export { RetryConfig } from './retry-config.js';
export type { RetryConfigInput } from './retry-config.js';
export { BackoffStrategy } from './backoff-strategy.js';
export { JitterType } from './jitter-type.js';
export { RetryPresets } from './retry-presets.js';
export { RetryExhaustedException } from './retry-exhausted-exception.js';

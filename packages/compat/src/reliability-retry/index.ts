// @rel/compat/reliability-retry: the legacy core/reliability_retry module.
export { ReliabilityRetryConfig } from './reliability-retry-config.js';
export type { ReliabilityRetryConfigInit } from './reliability-retry-config.js';
export { RetryHandler } from './retry-handler.js';
export type { RetryHandlerOptions } from './retry-handler.js';

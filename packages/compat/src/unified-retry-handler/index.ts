// @rel/compat/unified-retry-handler: the legacy core/resilience/unified_retry_handler module.
export { RetryStrategy } from './retry-strategy-enum.js';
export { RetryConfig } from './retry-config.js';
export { RetryResult } from './retry-result.js';
export type { RetryAttempt } from './retry-result.js';
export { UnifiedRetryHandler } from './unified-retry-handler.js';
export { RetryContext } from './retry-context.js';
export type { UnifiedRetryHandlerOptions } from './unified-retry-handler.js';
export { asyncRetryOnException, retryOnException } from './retry-on-exception.js';
export {
  agentRetry,
  apiRetry,
  databaseRetry,
  llmRetry,
  retryAgentOperation,
  retryDatabaseOperation,
  retryFileOperation,
  retryHttpRequest,
  retryLlmRequest,
  retryWebsocketOperation,
} from './domain-retry.js';
export type { DomainRetryOptions } from './domain-retry.js';
export type { RetryOnExceptionOptions } from './retry-on-exception.js';
export {
  AGENT_RETRY_POLICY,
  API_RETRY_POLICY,
  DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY,
  LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY,
} from './policies.js';
export type { LegacyCircuitStatus } from '../delegate/legacy-circuit-status.js';
export { exponentialBackoff, linearBackoff } from './backoff-helpers.js';
export {
  agentRetryHandler,
  apiRetryHandler,
  authRetryHandler,
  backendRetryHandler,
  databaseRetryHandler,
  defaultRetryHandler,
  fileRetryHandler,
  launcherRetryHandler,
  llmRetryHandler,
  websocketRetryHandler,
} from './handler-instances.js';

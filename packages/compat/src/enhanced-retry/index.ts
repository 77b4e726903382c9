// @rel/compat/enhanced-retry: the legacy llm/enhanced_retry module.
export { RetryStrategy, RETRYABLE_LLM_MESSAGES } from './retry-strategy.js';
export type { RetryStrategyOptions } from './retry-strategy.js';
export { APISpecificRetryStrategy, API_RETRY_DEFAULTS } from './api-specific-retry-strategy.js';
export type { ApiType } from './api-specific-retry-strategy.js';
export { withEnhancedRetry } from './with-enhanced-retry.js';
export { CircuitBreakerRetryStrategy } from './circuit-breaker-retry-strategy.js';
export type { LegacyCircuitStatus } from '../delegate/legacy-circuit-status.js';
export {
  ANTHROPIC_RETRY,
  FAST_LLM_RETRY,
  OPENAI_RETRY,
  SLOW_LLM_RETRY,
  STANDARD_LLM_RETRY,
} from './presets.js';

import { APISpecificRetryStrategy } from './api-specific-retry-strategy.js';
import { preset } from './retry-strategy.js';

/**
 * Fast LLM retries: `standard` with 3 attempts from 0.5 s (x2, cap 60 s).
 * @deprecated Use `parseRetryConfig({ maxAttempts: 3, baseDelayMs: 500 }, LLM_RETRY_POLICY)` from `@rel/config`. Removed in 2.0.0 (REL_DEP010).
 */
export const FAST_LLM_RETRY: APISpecificRetryStrategy = preset(
  'REL_DEP010',
  () => new APISpecificRetryStrategy('standard', { maxAttempts: 3, baseDelay: 0.5 }),
);

/**
 * Standard LLM retries: `standard` with 5 attempts from 1.0 s (x2, cap 60 s).
 * @deprecated Use `LLM_RETRY_POLICY` from `@rel/config`. Removed in 2.0.0 (REL_DEP011).
 */
export const STANDARD_LLM_RETRY: APISpecificRetryStrategy = preset(
  'REL_DEP011',
  () => new APISpecificRetryStrategy('standard', { maxAttempts: 5, baseDelay: 1.0 }),
);

/**
 * Slow LLM retries: `standard` with 7 attempts from 2.0 s (x2, cap 60 s).
 * @deprecated Use `parseRetryConfig({ maxAttempts: 7, baseDelayMs: 2000 }, LLM_RETRY_POLICY)` from `@rel/config`. Removed in 2.0.0 (REL_DEP012).
 */
export const SLOW_LLM_RETRY: APISpecificRetryStrategy = preset(
  'REL_DEP012',
  () => new APISpecificRetryStrategy('standard', { maxAttempts: 7, baseDelay: 2.0 }),
);

/**
 * OpenAI retries: 5 attempts from 2.0 s, x2.5, cap 120 s.
 * @deprecated Use `LLM_RELIABILITY_PROFILE` from `@rel/config`. Removed in 2.0.0 (REL_DEP013).
 */
export const OPENAI_RETRY: APISpecificRetryStrategy = preset(
  'REL_DEP013',
  () => new APISpecificRetryStrategy('openai'),
);

/**
 * Anthropic retries: 4 attempts from 1.5 s, x2.0, cap 90 s.
 * @deprecated Use `LLM_RELIABILITY_PROFILE` from `@rel/config`. Removed in 2.0.0 (REL_DEP014).
 */
export const ANTHROPIC_RETRY: APISpecificRetryStrategy = preset(
  'REL_DEP014',
  () => new APISpecificRetryStrategy('anthropic'),
);

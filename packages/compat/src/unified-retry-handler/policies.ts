import { domainRetryable } from '../legacy-errors/domain-errors.js';
import { quietConfig as policy, type RetryConfig } from './retry-config.js';

// The legacy policy numbers (seconds). Their Python exception lists named driver classes
// (psycopg2, httpx, urllib) with no JavaScript equivalent; those are the canonical domain
// classifier's verdicts here, and the built-in names keep their legacy meaning.

/**
 * Database calls: 5 attempts, 0.5 s exponential_jitter x2 ±0.1, cap 30 s, 60 s budget, breaker 5 / 60 s.
 * @deprecated Use `DATABASE_RETRY_POLICY` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP020).
 */
export const DATABASE_RETRY_POLICY: RetryConfig = policy('REL_DEP020', {
  maxAttempts: 5,
  baseDelay: 0.5,
  maxDelay: 30,
  strategy: 'exponential_jitter',
  backoffMultiplier: 2,
  jitterRange: 0.1,
  timeoutSeconds: 60,
  retryableExceptions: ['ConnectionError', 'TimeoutError', 'OSError', domainRetryable('database')],
  nonRetryableExceptions: ['ValueError'],
  circuitBreakerEnabled: true,
  circuitBreakerFailureThreshold: 5,
  circuitBreakerRecoveryTimeout: 60,
});

/**
 * LLM calls: 4 attempts, 2 s exponential_jitter x2.5 ±0.15, cap 120 s, 300 s budget, breaker 3 / 180 s.
 * @deprecated Use `LLM_RETRY_POLICY` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP021).
 */
export const LLM_RETRY_POLICY: RetryConfig = policy('REL_DEP021', {
  maxAttempts: 4,
  baseDelay: 2,
  maxDelay: 120,
  strategy: 'exponential_jitter',
  backoffMultiplier: 2.5,
  jitterRange: 0.15,
  timeoutSeconds: 300,
  retryableExceptions: ['TimeoutError', 'ConnectionError', 'OSError', domainRetryable('llm')],
  nonRetryableExceptions: ['ValueError', 'TypeError'],
  circuitBreakerEnabled: true,
  circuitBreakerFailureThreshold: 3,
  circuitBreakerRecoveryTimeout: 180,
});

/**
 * Agent operations: 3 attempts, 1 s exponential x2 (no jitter), cap 60 s, 120 s budget, no breaker.
 * @deprecated Use `AGENT_RETRY_POLICY` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP022).
 */
export const AGENT_RETRY_POLICY: RetryConfig = policy('REL_DEP022', {
  maxAttempts: 3,
  baseDelay: 1,
  maxDelay: 60,
  strategy: 'exponential',
  backoffMultiplier: 2,
  jitterRange: 0.1,
  timeoutSeconds: 120,
  retryableExceptions: ['ConnectionError', 'TimeoutError', 'OSError', 'RuntimeError'],
  nonRetryableExceptions: ['ValueError', 'TypeError', 'AttributeError', 'ImportError'],
});

/**
 * HTTP APIs: 3 attempts, 1 s exponential_jitter x2 ±0.1, cap 30 s, 30 s budget, breaker 3 / 30 s.
 * @deprecated Use `API_RETRY_POLICY` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP023).
 */
export const API_RETRY_POLICY: RetryConfig = policy('REL_DEP023', {
  maxAttempts: 3,
  baseDelay: 1,
  maxDelay: 30,
  strategy: 'exponential_jitter',
  backoffMultiplier: 2,
  jitterRange: 0.1,
  timeoutSeconds: 30,
  retryableExceptions: ['ConnectionError', 'TimeoutError', 'OSError', domainRetryable('http')],
  nonRetryableExceptions: ['ValueError', 'TypeError'],
  circuitBreakerEnabled: true,
  circuitBreakerFailureThreshold: 3,
  circuitBreakerRecoveryTimeout: 30,
});

/**
 * WebSocket operations: 2 attempts, 0.5 s exponential x2, cap 5 s, 10 s budget, no breaker.
 * @deprecated Use `WEBSOCKET_RETRY_POLICY` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP024).
 */
export const WEBSOCKET_RETRY_POLICY: RetryConfig = policy('REL_DEP024', {
  maxAttempts: 2,
  baseDelay: 0.5,
  maxDelay: 5,
  strategy: 'exponential',
  backoffMultiplier: 2,
  jitterRange: 0.05,
  timeoutSeconds: 10,
  retryableExceptions: ['ConnectionError', 'TimeoutError', 'OSError', domainRetryable('websocket')],
  nonRetryableExceptions: ['ValueError', 'TypeError'],
});

/**
 * File operations: 3 attempts, 0.2 s exponential x1.5, cap 2 s, 30 s budget, no breaker.
 * @deprecated Use `FILE_RETRY_POLICY` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP025).
 */
export const FILE_RETRY_POLICY: RetryConfig = policy('REL_DEP025', {
  maxAttempts: 3,
  baseDelay: 0.2,
  maxDelay: 2,
  strategy: 'exponential',
  backoffMultiplier: 1.5,
  jitterRange: 0.05,
  timeoutSeconds: 30,
  retryableExceptions: ['OSError', 'IOError', 'FileNotFoundError', 'PermissionError'],
  nonRetryableExceptions: ['ValueError', 'TypeError', 'IsADirectoryError'],
});

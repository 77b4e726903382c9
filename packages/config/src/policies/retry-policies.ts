import { parseRetryConfig } from '../parse.js';
import type { RetryConfig } from '../schema/retry.js';

// The legacy unified_retry_handler policies, seconds converted to milliseconds. Their
// EXPONENTIAL_JITTER is `d ± jitter_range * d`, which is the `proportional` jitter here;
// their plain EXPONENTIAL had no jitter at all.

/** Database calls: 5 attempts, 500 ms x2 ±10% up to 30 s, 60 s deadline, database classifier. */
export const DATABASE_RETRY_POLICY: RetryConfig = parseRetryConfig({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  backoff: 'exponential',
  multiplier: 2,
  jitter: 'proportional',
  jitterRange: 0.1,
  totalTimeoutMs: 60_000,
  classifier: 'database',
});

/** LLM provider calls: 4 attempts, 2 s x2.5 ±15% up to 120 s, 300 s deadline, LLM classifier. */
export const LLM_RETRY_POLICY: RetryConfig = parseRetryConfig({
  maxAttempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 120_000,
  backoff: 'exponential',
  multiplier: 2.5,
  jitter: 'proportional',
  jitterRange: 0.15,
  totalTimeoutMs: 300_000,
  classifier: 'llm',
});

/** Agent operations: 3 attempts, 1 s x2 (no jitter) up to 60 s, 120 s deadline. */
export const AGENT_RETRY_POLICY: RetryConfig = parseRetryConfig({
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  backoff: 'exponential',
  multiplier: 2,
  jitter: 'none',
  jitterRange: 0.1,
  totalTimeoutMs: 120_000,
  classifier: 'default',
});

/** HTTP API calls: 3 attempts, 1 s x2 ±10% up to 30 s, 30 s deadline, HTTP classifier. */
export const API_RETRY_POLICY: RetryConfig = parseRetryConfig({
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  backoff: 'exponential',
  multiplier: 2,
  jitter: 'proportional',
  jitterRange: 0.1,
  totalTimeoutMs: 30_000,
  classifier: 'http',
});

/** WebSocket operations: 2 attempts, 500 ms x2 (no jitter) up to 5 s, 10 s deadline. */
export const WEBSOCKET_RETRY_POLICY: RetryConfig = parseRetryConfig({
  maxAttempts: 2,
  baseDelayMs: 500,
  maxDelayMs: 5_000,
  backoff: 'exponential',
  multiplier: 2,
  jitter: 'none',
  jitterRange: 0.05,
  totalTimeoutMs: 10_000,
  classifier: 'websocket',
});

/** File operations: 3 attempts, 200 ms x1.5 (no jitter) up to 2 s, 30 s deadline, file classifier. */
export const FILE_RETRY_POLICY: RetryConfig = parseRetryConfig({
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  backoff: 'exponential',
  multiplier: 1.5,
  jitter: 'none',
  jitterRange: 0.05,
  totalTimeoutMs: 30_000,
  classifier: 'file',
});

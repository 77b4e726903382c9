import { useLegacy } from '../deprecation/warn-once.js';
import { quietResilienceConfig, type RetryConfig, type RetryConfigInput } from './retry-config.js';

const preset = (init: RetryConfigInput) => (): RetryConfig => {
  useLegacy('REL_DEP067');
  // A fresh config per call, as the legacy static methods returned a new model each time.
  return quietResilienceConfig('REL_DEP067', init);
};

/**
 * The legacy `RetryPresets` of `core/resilience/retry_manager`: static factories of
 * {@link RetryConfig} (a new object per call).
 *
 * | factory | attempts | base / max (s) | strategy | multiplier | jitter |
 * | --- | --- | --- | --- | --- | --- |
 * | `createApiRetry()` | 3 | 1.0 / 30.0 | exponential | 2.0 | equal (±10 %) |
 * | `createDatabaseRetry()` | 2 | 0.5 / 5.0 | linear | 1.5 | full |
 * | `createLlmRetry()` | 3 | 2.0 / 120.0 | exponential | 2.5 | decorrelated |
 * | `createQuickRetry()` | 2 | 0.1 / 1.0 | fixed | 2.0 | none |
 * | `createNoRetry()` | 1, `enabled: false` | 1.0 / 60.0 | exponential | 2.0 | equal |
 *
 * @deprecated Use the profiles of `@rel/config` (`API_RELIABILITY_PROFILE`,
 * `DATABASE_RELIABILITY_PROFILE`, `LLM_RELIABILITY_PROFILE`) or `parseRetryConfig({ ... })`
 * (ms). Removed in 2.0.0 (REL_DEP067).
 * @example
 * ```ts
 * const manager = new UnifiedRetryManager(RetryPresets.createLlmRetry());
 * ```
 */
export const RetryPresets: {
  /** API calls: 3 attempts, 1.0 s exponential x2, cap 30 s, ±10 % jitter. */
  readonly createApiRetry: () => RetryConfig;
  /** Database calls: 2 attempts, 0.5 s linear, cap 5 s, full jitter (multiplier 1.5, unused by linear). */
  readonly createDatabaseRetry: () => RetryConfig;
  /** LLM calls: 3 attempts, 2.0 s exponential x2.5, cap 120 s, decorrelated jitter. */
  readonly createLlmRetry: () => RetryConfig;
  /** Quick operations: 2 attempts, 0.1 s fixed, cap 1 s, no jitter. */
  readonly createQuickRetry: () => RetryConfig;
  /** No retries: one attempt (`enabled: false`). */
  readonly createNoRetry: () => RetryConfig;
} = Object.freeze({
  createApiRetry: preset({
    max_attempts: 3,
    base_delay_seconds: 1.0,
    max_delay_seconds: 30.0,
    backoff_strategy: 'exponential',
    backoff_multiplier: 2.0,
    jitter_type: 'equal',
  }),
  createDatabaseRetry: preset({
    max_attempts: 2,
    base_delay_seconds: 0.5,
    max_delay_seconds: 5.0,
    backoff_strategy: 'linear',
    backoff_multiplier: 1.5,
    jitter_type: 'full',
  }),
  createLlmRetry: preset({
    max_attempts: 3,
    base_delay_seconds: 2.0,
    max_delay_seconds: 120.0,
    backoff_strategy: 'exponential',
    backoff_multiplier: 2.5,
    jitter_type: 'decorrelated',
  }),
  createQuickRetry: preset({
    max_attempts: 2,
    base_delay_seconds: 0.1,
    max_delay_seconds: 1.0,
    backoff_strategy: 'fixed',
    jitter_type: 'none',
  }),
  createNoRetry: preset({ max_attempts: 1, enabled: false }),
});

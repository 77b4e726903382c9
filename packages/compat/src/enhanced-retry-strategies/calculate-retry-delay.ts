import { RelConfigError } from '@rel/config';
import { exponentialDelay } from '@rel/retry';
import { useLegacy } from '../deprecation/warn-once.js';
import { readStrategyConfig, type StrategyConfigInput } from './strategy-config.js';

/**
 * The Era A `calculate_retry_delay(retry_config, retry_count)` of
 * core/retry_strategy_manager: `min(base_delay·2^retry_count, max_delay)` in seconds, no
 * jitter, whatever the config's strategy (the legacy helper ignored it). `retry_count` is
 * 0-based (retries already made). The config is a shared legacy `RetryConfig` in any
 * spelling (Era A defaults: 1.0 s, cap 300.0 s).
 *
 * @deprecated Use `exponentialDelay` / `createBackoff` from `@rel/retry` (ms, 1-based
 * attempts) with a `RetryConfig` from `@rel/config`. Removed in 2.0.0 (REL_DEP058).
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (expo)
 * @example
 * ```ts
 * calculateRetryDelay({ base_delay: 0.5, max_delay: 3 }, 2); // 2
 * calculateRetryDelay({ base_delay: 0.5, max_delay: 3 }, 5); // 3
 * ```
 * @throws {@link RelConfigError} for a bad config or retry count.
 */
export function calculateRetryDelay(
  retryConfig: StrategyConfigInput | undefined,
  retryCount: number,
): number {
  useLegacy('REL_DEP058');
  if (!(Number.isInteger(retryCount) && retryCount >= 0)) {
    throw new RelConfigError(
      [{ path: 'retry_count', received: retryCount, expected: 'an integer >= 0' }],
      'calculateRetryDelay',
    );
  }
  const { config } = readStrategyConfig(retryConfig, 'retry_config');
  return Math.min(exponentialDelay(retryCount + 1, config.base_delay, 2), config.max_delay);
}

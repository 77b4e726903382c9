import { deprecatedConstants } from '../deprecation/deprecated-constants.js';
import type { StrategyRetryConfig } from './strategy-config.js';

const row = (
  max_retries: number,
  base_delay: number,
  max_delay: number,
  backoff_strategy: StrategyRetryConfig['backoff_strategy'],
  jitter_type: StrategyRetryConfig['jitter_type'],
): StrategyRetryConfig =>
  Object.freeze({ max_retries, base_delay, max_delay, backoff_strategy, jitter_type });

/** The legacy table, read without counting a use (by the factory's callers and the manager). @internal */
export const DEFAULT_RETRY_CONFIG_TABLE = Object.freeze({
  database_read: row(3, 0.1, 300, 'exponential', 'equal'),
  database_write: row(2, 0.5, 300, 'linear', 'full'),
  external_api: row(4, 1, 60, 'exponential', 'decorrelated'),
  llm_request: row(3, 2, 120, 'fibonacci', 'full'),
  websocket_send: row(2, 0.1, 300, 'fixed', 'none'),
  agent_execution: row(2, 1, 300, 'exponential', 'equal'),
});

/**
 * The Era A `DEFAULT_RETRY_CONFIGS` (core/retry_strategy_factory): the shared `RetryConfig`
 * per operation type, keyed by the `OperationType` values, frozen. Seconds; `max_retries`
 * counts retries; unspecified `max_delay` is the Era A default 300.0. `file_operation` and
 * `cache_operation` have no row (the manager then uses the Era A defaults).
 *
 * | key | max_retries | base_delay | max_delay | backoff_strategy | jitter_type |
 * | --- | --- | --- | --- | --- | --- |
 * | `database_read` | 3 | 0.1 | 300.0 | exponential | equal |
 * | `database_write` | 2 | 0.5 | 300.0 | linear | full |
 * | `external_api` | 4 | 1.0 | 60.0 | exponential | decorrelated |
 * | `llm_request` | 3 | 2.0 | 120.0 | fibonacci | full |
 * | `websocket_send` | 2 | 0.1 | 300.0 | fixed | none |
 * | `agent_execution` | 2 | 1.0 | 300.0 | exponential | equal |
 *
 * @deprecated Use the retry policies of `@rel/config` (`DATABASE_RETRY_POLICY`,
 * `API_RETRY_POLICY`, `LLM_RETRY_POLICY`, `WEBSOCKET_RETRY_POLICY`, `AGENT_RETRY_POLICY`;
 * ms, total attempts). Removed in 2.0.0 (REL_DEP055).
 * @example
 * ```ts
 * DEFAULT_RETRY_CONFIGS[OperationType.LLM_REQUEST].base_delay; // 2
 * ```
 */
export const DEFAULT_RETRY_CONFIGS: typeof DEFAULT_RETRY_CONFIG_TABLE = deprecatedConstants(
  DEFAULT_RETRY_CONFIG_TABLE,
  'REL_DEP055',
);

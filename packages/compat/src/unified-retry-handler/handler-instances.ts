import { lazyHandler } from './lazy-handler.js';
import {
  AGENT_RETRY_POLICY,
  API_RETRY_POLICY,
  DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY,
  LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY,
} from './policies.js';
import type { UnifiedRetryHandler } from './unified-retry-handler.js';

// The module-level handlers of the legacy unified_retry_handler module. Each is made on
// first use (see lazyHandler): importing this module creates, registers and warns nothing.
// Legacy `RETRY_*` environment overrides are read then, from `process.env`.

/**
 * The legacy module-level `database_retry_handler`: a legacy `UnifiedRetryHandler`
 * named `database` with `DATABASE_RETRY_POLICY` (breaker 5 / 60 s), made on first use.
 * @deprecated Use `getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP071).
 * @example
 * ```ts
 * const r = await databaseRetryHandler.executeWithRetryAsync(() => pool.query(sql));
 * ```
 */
export const databaseRetryHandler: UnifiedRetryHandler = lazyHandler(
  'REL_DEP071',
  'database',
  DATABASE_RETRY_POLICY,
);

/**
 * The legacy module-level `llm_retry_handler`: instance `llm`, `LLM_RETRY_POLICY` (breaker 3 / 180 s), made on first use.
 * @deprecated Use `getDefaultManager().get(name, LLM_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP072).
 */
export const llmRetryHandler: UnifiedRetryHandler = lazyHandler('REL_DEP072', 'llm', LLM_RETRY_POLICY);

/**
 * The legacy module-level `agent_retry_handler`: instance `agent`, `AGENT_RETRY_POLICY` (no breaker), made on first use.
 * @deprecated Use `getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP073).
 */
export const agentRetryHandler: UnifiedRetryHandler = lazyHandler('REL_DEP073', 'agent', AGENT_RETRY_POLICY);

/**
 * The legacy module-level `api_retry_handler`: instance `api`, `API_RETRY_POLICY` (breaker 3 / 30 s), made on first use.
 * @deprecated Use `getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP074).
 */
export const apiRetryHandler: UnifiedRetryHandler = lazyHandler('REL_DEP074', 'api', API_RETRY_POLICY);

/**
 * The legacy module-level `websocket_retry_handler`: instance `websocket`, `WEBSOCKET_RETRY_POLICY` (no breaker), made on first use.
 * @deprecated Use `getDefaultManager().get(name, WEBSOCKET_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP075).
 */
export const websocketRetryHandler: UnifiedRetryHandler = lazyHandler(
  'REL_DEP075',
  'websocket',
  WEBSOCKET_RETRY_POLICY,
);

/**
 * The legacy module-level `file_retry_handler`: instance `file`, `FILE_RETRY_POLICY` (no breaker), made on first use.
 * @deprecated Use `getDefaultManager().get(name, FILE_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP076).
 */
export const fileRetryHandler: UnifiedRetryHandler = lazyHandler('REL_DEP076', 'file', FILE_RETRY_POLICY);

/**
 * The legacy module-level `auth_retry_handler`: instance `auth_service`, `API_RETRY_POLICY` (breaker 3 / 30 s), made on first use.
 * @deprecated Use `getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP077).
 */
export const authRetryHandler: UnifiedRetryHandler = lazyHandler(
  'REL_DEP077',
  'auth_service',
  API_RETRY_POLICY,
);

/**
 * The legacy module-level `backend_retry_handler`: instance `netra_backend`, `API_RETRY_POLICY` (breaker 3 / 30 s), made on first use.
 * @deprecated Use `getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP078).
 */
export const backendRetryHandler: UnifiedRetryHandler = lazyHandler(
  'REL_DEP078',
  'netra_backend',
  API_RETRY_POLICY,
);

/**
 * The legacy module-level `launcher_retry_handler`: instance `dev_launcher`, `API_RETRY_POLICY` (breaker 3 / 30 s), made on first use.
 * @deprecated Use `getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP079).
 */
export const launcherRetryHandler: UnifiedRetryHandler = lazyHandler(
  'REL_DEP079',
  'dev_launcher',
  API_RETRY_POLICY,
);

/**
 * The legacy module-level `default_retry_handler`: instance `default`, the default
 * `RetryConfig` (3 attempts, 1 s exponential x2, cap 60 s, no breaker), made on first use.
 * @deprecated Use `getDefaultManager().get(name).execute(op)` (`@rel/core`, the manager's default profile). Removed in 2.0.0 (REL_DEP080).
 */
export const defaultRetryHandler: UnifiedRetryHandler = lazyHandler('REL_DEP080', 'default', {});

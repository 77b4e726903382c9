import { RelConfigError } from '@rel/config';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import {
  AGENT_RETRY_POLICY,
  API_RETRY_POLICY,
  DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY,
  LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY,
} from './policies.js';
import { quietConfig, type RetryConfig } from './retry-config.js';
import {
  handlerFor,
  type UnifiedRetryHandler,
  type UnifiedRetryHandlerOptions,
} from './unified-retry-handler.js';

/**
 * Overrides of the legacy domain decorators (`databaseRetry({ maxAttempts, baseDelay })`).
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms) over a domain policy. Removed in 2.0.0.
 */
export interface DomainRetryOptions extends UnifiedRetryHandlerOptions {
  /** Total attempts. @defaultValue the policy's */
  readonly maxAttempts?: number;
  readonly max_attempts?: number;
  /** First delay (seconds). @defaultValue the policy's */
  readonly baseDelay?: number;
  readonly base_delay?: number;
}

type Wrapped = <A extends unknown[], T>(
  fn: (...args: A) => T | PromiseLike<T>,
) => (...args: A) => Promise<Awaited<T>>;

function overrides(code: DeprecationCode, policy: RetryConfig, o: DomainRetryOptions): RetryConfig {
  const maxAttempts = o.maxAttempts ?? o.max_attempts;
  const baseDelay = o.baseDelay ?? o.base_delay;
  // As in the legacy code, the policy is copied only when something differs from it.
  if (
    (maxAttempts ?? policy.maxAttempts) === policy.maxAttempts &&
    (baseDelay ?? policy.baseDelay) === policy.baseDelay
  )
    return policy;
  return quietConfig(code, {
    ...({ ...policy } as object),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    ...(baseDelay === undefined ? {} : { baseDelay }),
  });
}

function decorator(code: DeprecationCode, service: string, policy: RetryConfig) {
  return (options: DomainRetryOptions = {}): Wrapped => {
    useLegacy(code);
    const { env } = options;
    // The handler is built at decoration time, as the legacy decorators did.
    const handler: UnifiedRetryHandler = handlerFor(
      code,
      service,
      overrides(code, policy, options),
      env === undefined ? {} : { env },
    );
    return (fn) => {
      if (typeof fn !== 'function')
        throw new RelConfigError([{ path: 'func', received: fn, expected: 'a function' }], service);
      return handler.wrap(fn);
    };
  };
}

function convenience(
  code: DeprecationCode,
  service: string,
  policy: RetryConfig,
  attempts: number,
  base: number,
) {
  return <T>(
    func: () => T | PromiseLike<T>,
    maxAttempts = attempts,
    baseDelay = base,
    options: UnifiedRetryHandlerOptions = {},
  ): Promise<Awaited<T>> => {
    useLegacy(code);
    const handler = handlerFor(code, service, overrides(code, policy, { maxAttempts, baseDelay }), options);
    return handler.wrap(func)();
  };
}

/**
 * The legacy `@database_retry(max_attempts?, base_delay?)` decorator: the database policy
 * (5 attempts, 0.5 s, exponential ±10 %, 60 s budget, breaker 5 / 60 s) on the instance `database`.
 * @deprecated Use `getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP036).
 * @example
 * ```ts
 * const save = databaseRetry({ maxAttempts: 3 })(saveOrder);
 * ```
 */
export const databaseRetry: (options?: DomainRetryOptions) => Wrapped = decorator(
  'REL_DEP036',
  'database',
  DATABASE_RETRY_POLICY,
);

/**
 * The legacy `@llm_retry(...)` decorator: the LLM policy on the instance `llm`.
 * @deprecated Use `getDefaultManager().get(name, LLM_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP037).
 */
export const llmRetry: (options?: DomainRetryOptions) => Wrapped = decorator(
  'REL_DEP037',
  'llm',
  LLM_RETRY_POLICY,
);

/**
 * The legacy `@agent_retry(...)` decorator: the agent policy on the instance `agent`.
 * @deprecated Use `getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP038).
 */
export const agentRetry: (options?: DomainRetryOptions) => Wrapped = decorator(
  'REL_DEP038',
  'agent',
  AGENT_RETRY_POLICY,
);

/**
 * The legacy `@api_retry(...)` decorator: the API policy on the instance `api`.
 * @deprecated Use `getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP039).
 */
export const apiRetry: (options?: DomainRetryOptions) => Wrapped = decorator(
  'REL_DEP039',
  'api',
  API_RETRY_POLICY,
);

/**
 * The legacy `retry_database_operation(func, max_attempts = 5, base_delay = 0.5)`: runs
 * `func()` with the database policy (instance `database`); the value or the final exception.
 * @deprecated Use `getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP040).
 * @example
 * ```ts
 * const rows = await retryDatabaseOperation(() => pool.query(sql));
 * ```
 */
export const retryDatabaseOperation = convenience('REL_DEP040', 'database', DATABASE_RETRY_POLICY, 5, 0.5);

/**
 * The legacy `retry_http_request(func, max_attempts = 3, base_delay = 1.0)` (API policy, instance `http`).
 * @deprecated Use `getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP041).
 */
export const retryHttpRequest = convenience('REL_DEP041', 'http', API_RETRY_POLICY, 3, 1.0);

/**
 * The legacy `retry_llm_request(func, max_attempts = 4, base_delay = 2.0)` (LLM policy, instance `llm`).
 * @deprecated Use `getDefaultManager().get(name, LLM_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP042).
 */
export const retryLlmRequest = convenience('REL_DEP042', 'llm', LLM_RETRY_POLICY, 4, 2.0);

/**
 * The legacy `retry_agent_operation(func, max_attempts = 3, base_delay = 1.0)` (agent policy, instance `agent`).
 * @deprecated Use `getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP043).
 */
export const retryAgentOperation = convenience('REL_DEP043', 'agent', AGENT_RETRY_POLICY, 3, 1.0);

/**
 * The legacy `retry_websocket_operation(func, max_attempts = 2, base_delay = 0.5)` (WebSocket policy, instance `websocket`).
 * @deprecated Use `getDefaultManager().get(name, WEBSOCKET_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP044).
 */
export const retryWebsocketOperation = convenience('REL_DEP044', 'websocket', WEBSOCKET_RETRY_POLICY, 2, 0.5);

/**
 * The legacy `retry_file_operation(func, max_attempts = 3, base_delay = 0.2)` (file policy, instance `file`).
 * @deprecated Use `getDefaultManager().get(name, FILE_RELIABILITY_PROFILE).execute(op)` (`@rel/core`). Removed in 2.0.0 (REL_DEP045).
 */
export const retryFileOperation = convenience('REL_DEP045', 'file', FILE_RETRY_POLICY, 3, 0.2);

/**
 * The major version that removes every legacy name of `@rel/compat`.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const REMOVAL_VERSION = '2.0.0';

/**
 * One deprecated legacy name: what it was, where it lived, and what replaces it.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface Deprecation {
  /** Stable code, `REL_DEP###`. Never reused for another name. */
  readonly code: string;
  /** The legacy name as call sites write it. */
  readonly name: string;
  /** The legacy module it came from (and the `@rel/compat/<subpath>` that serves it). */
  readonly module: string;
  /** The canonical replacement, in words a migration can follow. */
  readonly replacement: string;
  /** The version that removes it. */
  readonly removeIn: string;
}

const entry = (code: string, name: string, module: string, replacement: string): Deprecation =>
  Object.freeze({ code, name, module, replacement, removeIn: REMOVAL_VERSION });

/**
 * Every deprecated legacy name, by code. The one registry: warnings, the migration report,
 * the README table and the JSDoc all use these codes. Codes are append-only: a code, once
 * published, always means the same legacy name, and a retired name keeps its code unused.
 *
 * @example
 * ```ts
 * DEPRECATIONS.REL_DEP001.replacement; // "getDefaultManager().get(name, { retry }).run(op) from `@rel/core` ..."
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const DEPRECATIONS = Object.freeze({
  // agents/base/retry_manager
  REL_DEP001: entry(
    'REL_DEP001',
    'RetryManager',
    'retry-manager',
    'getDefaultManager().get(name, { retry }).run(op) from @rel/core (retry config from @rel/config, in ms)',
  ),
  REL_DEP002: entry(
    'REL_DEP002',
    'BackoffStrategy',
    'retry-manager',
    "RetryConfig.backoff ('fixed' | 'linear' | 'exponential') with RetryConfig.jitter from @rel/config",
  ),
  REL_DEP003: entry(
    'REL_DEP003',
    'RetryResult',
    'retry-manager',
    'the result of ReliabilityInstance#run (@rel/core) or UnifiedRetryHandler#executeWithRetry (@rel/retry)',
  ),
  // core/reliability_retry
  REL_DEP004: entry(
    'REL_DEP004',
    'ReliabilityRetryConfig',
    'reliability-retry',
    'RetryConfig from @rel/config (parseRetryConfig; multiplier = exponentialBase, times in ms)',
  ),
  REL_DEP005: entry(
    'REL_DEP005',
    'RetryHandler',
    'reliability-retry',
    'ReliabilityInstance#execute (@rel/core) or UnifiedRetryHandler#execute (@rel/retry)',
  ),
  // llm/enhanced_retry
  REL_DEP006: entry(
    'REL_DEP006',
    'RetryStrategy',
    'enhanced-retry',
    "a RetryConfig with classifier 'llm' (LLM_RETRY_POLICY from @rel/config)",
  ),
  REL_DEP007: entry(
    'REL_DEP007',
    'APISpecificRetryStrategy',
    'enhanced-retry',
    "parseRetryConfig(overrides, LLM_RETRY_POLICY) with classifier 'llm' from @rel/config",
  ),
  REL_DEP008: entry(
    'REL_DEP008',
    'withEnhancedRetry',
    'enhanced-retry',
    'ReliabilityInstance#execute (@rel/core) with an LLM profile',
  ),
  REL_DEP009: entry(
    'REL_DEP009',
    'CircuitBreakerRetryStrategy',
    'enhanced-retry',
    'a ReliabilityInstance (@rel/core) whose profile has a circuitBreaker (UnifiedCircuitBreaker, @rel/circuit)',
  ),
  REL_DEP010: entry(
    'REL_DEP010',
    'FAST_LLM_RETRY',
    'enhanced-retry',
    'parseRetryConfig({ maxAttempts: 3, baseDelayMs: 500 }, LLM_RETRY_POLICY) from @rel/config',
  ),
  REL_DEP011: entry(
    'REL_DEP011',
    'STANDARD_LLM_RETRY',
    'enhanced-retry',
    'LLM_RETRY_POLICY from @rel/config',
  ),
  REL_DEP012: entry(
    'REL_DEP012',
    'SLOW_LLM_RETRY',
    'enhanced-retry',
    'parseRetryConfig({ maxAttempts: 7, baseDelayMs: 2000 }, LLM_RETRY_POLICY) from @rel/config',
  ),
  REL_DEP013: entry(
    'REL_DEP013',
    'OPENAI_RETRY',
    'enhanced-retry',
    'LLM_RELIABILITY_PROFILE from @rel/config',
  ),
  REL_DEP014: entry(
    'REL_DEP014',
    'ANTHROPIC_RETRY',
    'enhanced-retry',
    'LLM_RELIABILITY_PROFILE from @rel/config',
  ),
  REL_DEP015: entry(
    'REL_DEP015',
    'RETRY_* environment variables',
    'unified-retry-handler',
    'REL__<SERVICE>__RETRY__<FIELD> variables read by loadConfig({ env }) from @rel/config (times in ms)',
  ),
  // core/resilience/unified_retry_handler
  REL_DEP016: entry(
    'REL_DEP016',
    'UnifiedRetryHandler',
    'unified-retry-handler',
    'UnifiedRetryHandler from @rel/retry (times in ms, a typed result from executeWithRetry)',
  ),
  REL_DEP017: entry(
    'REL_DEP017',
    'RetryStrategy (unified_retry_handler enum)',
    'unified-retry-handler',
    'RetryConfig.backoff and RetryConfig.jitter (BACKOFF_STRATEGIES, JITTER_KINDS) from @rel/config',
  ),
  REL_DEP018: entry(
    'REL_DEP018',
    'RetryConfig (unified_retry_handler)',
    'unified-retry-handler',
    'RetryConfig from @rel/config (parseRetryConfig; times in ms)',
  ),
  REL_DEP019: entry(
    'REL_DEP019',
    'RetryResult (unified_retry_handler)',
    'unified-retry-handler',
    'RetryResult of UnifiedRetryHandler#executeWithRetry from @rel/retry',
  ),
  REL_DEP020: entry(
    'REL_DEP020',
    'DATABASE_RETRY_POLICY (seconds)',
    'unified-retry-handler',
    'DATABASE_RETRY_POLICY from @rel/config (ms)',
  ),
  REL_DEP021: entry(
    'REL_DEP021',
    'LLM_RETRY_POLICY (seconds)',
    'unified-retry-handler',
    'LLM_RETRY_POLICY from @rel/config (ms)',
  ),
  REL_DEP022: entry(
    'REL_DEP022',
    'AGENT_RETRY_POLICY (seconds)',
    'unified-retry-handler',
    'AGENT_RETRY_POLICY from @rel/config (ms)',
  ),
  REL_DEP023: entry(
    'REL_DEP023',
    'API_RETRY_POLICY (seconds)',
    'unified-retry-handler',
    'API_RETRY_POLICY from @rel/config (ms)',
  ),
  REL_DEP024: entry(
    'REL_DEP024',
    'WEBSOCKET_RETRY_POLICY (seconds)',
    'unified-retry-handler',
    'WEBSOCKET_RETRY_POLICY from @rel/config (ms)',
  ),
  REL_DEP025: entry(
    'REL_DEP025',
    'FILE_RETRY_POLICY (seconds)',
    'unified-retry-handler',
    'FILE_RETRY_POLICY from @rel/config (ms)',
  ),
  REL_DEP026: entry(
    'REL_DEP026',
    'retryOnException',
    'unified-retry-handler',
    'UnifiedRetryHandler#execute from @rel/retry, or ReliabilityInstance#execute from @rel/core',
  ),
  // core/async_retry_logic
  REL_DEP027: entry(
    'REL_DEP027',
    'withRetry',
    'async-retry-logic',
    'ReliabilityInstance#execute (@rel/core) or UnifiedRetryHandler#execute (@rel/retry)',
  ),
  REL_DEP028: entry(
    'REL_DEP028',
    'withTimeout',
    'async-retry-logic',
    'the attemptTimeoutMs / totalTimeoutMs of RetryConfig, or execute(op, { totalTimeoutMs })',
  ),
  REL_DEP029: entry(
    'REL_DEP029',
    'AsyncCircuitBreaker',
    'async-retry-logic',
    'UnifiedCircuitBreaker from @rel/circuit (lower-case states)',
  ),
  // agents/base/reliability_manager
  REL_DEP030: entry(
    'REL_DEP030',
    'ReliabilityManager (agents/base)',
    'reliability-manager',
    'ReliabilityManager#get(name, profile) from @rel/core (a ReliabilityInstance with a breaker)',
  ),
  REL_DEP031: entry(
    'REL_DEP031',
    'CircuitState',
    'reliability-manager',
    'CircuitState / CIRCUIT_STATES from @rel/circuit',
  ),
  REL_DEP032: entry(
    'REL_DEP032',
    'AgentReliabilityWrapper (core/reliability)',
    'agent-reliability',
    'AgentReliabilityWrapper from @rel/core (executeSafely, agent runs)',
  ),
  REL_DEP033: entry(
    'REL_DEP033',
    'getReliabilityWrapper',
    'agent-reliability',
    'new AgentReliabilityWrapper(agentName, { manager }) from @rel/core',
  ),
  REL_DEP034: entry(
    'REL_DEP034',
    'getSystemHealth',
    'agent-reliability',
    'ReliabilityManager#health() from @rel/core (application/health+json)',
  ),
  REL_DEP035: entry(
    'REL_DEP035',
    'asyncRetryOnException',
    'unified-retry-handler',
    'UnifiedRetryHandler#execute from @rel/retry, or ReliabilityInstance#execute from @rel/core',
  ),
  REL_DEP036: entry(
    'REL_DEP036',
    'databaseRetry',
    'unified-retry-handler',
    'getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP037: entry(
    'REL_DEP037',
    'llmRetry',
    'unified-retry-handler',
    'getDefaultManager().get(name, LLM_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP038: entry(
    'REL_DEP038',
    'agentRetry',
    'unified-retry-handler',
    'getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP039: entry(
    'REL_DEP039',
    'apiRetry',
    'unified-retry-handler',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP040: entry(
    'REL_DEP040',
    'retryDatabaseOperation',
    'unified-retry-handler',
    'getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP041: entry(
    'REL_DEP041',
    'retryHttpRequest',
    'unified-retry-handler',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP042: entry(
    'REL_DEP042',
    'retryLlmRequest',
    'unified-retry-handler',
    'getDefaultManager().get(name, LLM_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP043: entry(
    'REL_DEP043',
    'retryAgentOperation',
    'unified-retry-handler',
    'getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP044: entry(
    'REL_DEP044',
    'retryWebsocketOperation',
    'unified-retry-handler',
    'getDefaultManager().get(name, WEBSOCKET_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP045: entry(
    'REL_DEP045',
    'retryFileOperation',
    'unified-retry-handler',
    'getDefaultManager().get(name, FILE_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP046: entry(
    'REL_DEP046',
    'RetryPolicyService',
    'retry-policy',
    'ReliabilityManager#get(service, { retry }) from @rel/core, with loadConfig() from @rel/config for per-service policies',
  ),
  REL_DEP047: entry(
    'REL_DEP047',
    'RetryStrategy (service mesh enum)',
    'retry-policy',
    'RetryConfig.backoff and RetryConfig.jitter from @rel/config',
  ),
  // core/enhanced_retry_strategies + core/retry_strategy_* (Era A): REL_DEP048-REL_DEP062
  // core/resilience/retry_manager, unified_retry_handler instances and helpers, async_retry_logic: REL_DEP063-REL_DEP082
  // core/agent_reliability_mixin + core/agent_reliability_types: REL_DEP083-REL_DEP085
} as const satisfies Record<string, Deprecation>);

/**
 * A deprecation code.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export type DeprecationCode = keyof typeof DEPRECATIONS;

/**
 * Every code, in order.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const DEPRECATION_CODES: readonly DeprecationCode[] = Object.freeze(
  Object.keys(DEPRECATIONS) as DeprecationCode[],
);

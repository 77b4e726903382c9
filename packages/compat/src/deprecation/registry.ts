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
  REL_DEP048: entry(
    'REL_DEP048',
    'EnhancedRetryConfig',
    'enhanced-retry-strategies',
    "RetryConfig from @rel/config (backoff 'exponential' | 'linear' | 'fibonacci' | 'fixed', jitter, times in ms, maxAttempts = retries + 1)",
  ),
  REL_DEP049: entry(
    'REL_DEP049',
    'EnhancedRetryStrategy',
    'enhanced-retry-strategies',
    'a RetryConfig from @rel/config with retryOn / neverRetryOn matchers, run by getDefaultManager().get(name, { retry }).execute(op) from @rel/core',
  ),
  REL_DEP050: entry(
    'REL_DEP050',
    'DatabaseRetryStrategy',
    'enhanced-retry-strategies',
    'getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op) from @rel/core (database classifier; profiles from @rel/config)',
  ),
  REL_DEP051: entry(
    'REL_DEP051',
    'ApiRetryStrategy',
    'enhanced-retry-strategies',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (http classifier; profiles from @rel/config)',
  ),
  REL_DEP052: entry(
    'REL_DEP052',
    'MemoryAwareRetryStrategy',
    'enhanced-retry-strategies',
    'getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op) from @rel/core, with a bulkhead to bound concurrent work',
  ),
  REL_DEP053: entry(
    'REL_DEP053',
    'AdaptiveRetryStrategy',
    'enhanced-retry-strategies',
    'a RetryConfig from @rel/config whose retry budget backs retries off under high failure rates, run by getDefaultManager().get(name, { retry }) from @rel/core',
  ),
  REL_DEP054: entry(
    'REL_DEP054',
    'RetryStrategyFactory',
    'enhanced-retry-strategies',
    'the reliability profiles of @rel/config (DATABASE_RELIABILITY_PROFILE, API_RELIABILITY_PROFILE, ...) with getDefaultManager().get(name, profile) from @rel/core',
  ),
  REL_DEP055: entry(
    'REL_DEP055',
    'DEFAULT_RETRY_CONFIGS',
    'enhanced-retry-strategies',
    'the retry policies of @rel/config (DATABASE_RETRY_POLICY, API_RETRY_POLICY, LLM_RETRY_POLICY, ...; ms, total attempts)',
  ),
  REL_DEP056: entry(
    'REL_DEP056',
    'RetryManager (retry_strategy_manager)',
    'enhanced-retry-strategies',
    'ReliabilityManager from @rel/core (get(name, profile) per dependency; metrics() and health())',
  ),
  REL_DEP057: entry(
    'REL_DEP057',
    'retryManager',
    'enhanced-retry-strategies',
    'the process default manager, getDefaultManager() from @rel/core',
  ),
  REL_DEP058: entry(
    'REL_DEP058',
    'calculateRetryDelay',
    'enhanced-retry-strategies',
    'exponentialDelay / createBackoff from @rel/retry (ms, 1-based attempts)',
  ),
  REL_DEP059: entry(
    'REL_DEP059',
    'exponentialBackoffRetry',
    'enhanced-retry-strategies',
    'getDefaultManager().get(name, { retry }).execute(op) from @rel/core, around a function returning the first item',
  ),
  REL_DEP060: entry(
    'REL_DEP060',
    'OperationType (Era A)',
    'enhanced-retry-strategies',
    'a reliability instance per dependency: getDefaultManager().get(name, profile) from @rel/core with the profiles of @rel/config',
  ),
  REL_DEP061: entry(
    'REL_DEP061',
    'ErrorSeverity',
    'enhanced-retry-strategies',
    "the failure kinds of @rel/retry's classifier, with neverRetryOn matchers of RetryConfig from @rel/config",
  ),
  REL_DEP062: entry(
    'REL_DEP062',
    'RecoveryContext (Era A)',
    'enhanced-retry-strategies',
    'the attempt records of a ReliabilityResult (@rel/core) and the AttemptContext of an operation (@rel/retry)',
  ),
  // core/resilience/retry_manager, unified_retry_handler instances and helpers, async_retry_logic: REL_DEP063-REL_DEP082
  REL_DEP063: entry(
    'REL_DEP063',
    'UnifiedRetryManager',
    'resilience-retry-manager',
    'getDefaultManager().get(name, { retry }).execute(op) from @rel/core (retry config from @rel/config, in ms; throws RetryExhaustedError)',
  ),
  REL_DEP064: entry(
    'REL_DEP064',
    'RetryConfig (resilience retry_manager)',
    'resilience-retry-manager',
    'RetryConfig from @rel/config (parseRetryConfig; times in ms)',
  ),
  REL_DEP065: entry(
    'REL_DEP065',
    'BackoffStrategy (resilience retry_manager)',
    'resilience-retry-manager',
    "RetryConfig.backoff ('fixed' | 'linear' | 'exponential') from @rel/config",
  ),
  REL_DEP066: entry(
    'REL_DEP066',
    'JitterType (resilience retry_manager)',
    'resilience-retry-manager',
    "RetryConfig.jitter from @rel/config (this module's EQUAL is 'proportional' with jitterRange 0.1)",
  ),
  REL_DEP067: entry(
    'REL_DEP067',
    'RetryPresets',
    'resilience-retry-manager',
    'API_RELIABILITY_PROFILE, DATABASE_RELIABILITY_PROFILE, LLM_RELIABILITY_PROFILE or parseRetryConfig({ ... }) from @rel/config',
  ),
  REL_DEP068: entry(
    'REL_DEP068',
    'RetryExhaustedException',
    'resilience-retry-manager',
    'RetryExhaustedError from @rel/config (code REL_RETRY_EXHAUSTED; cause is the last failure)',
  ),
  REL_DEP069: entry(
    'REL_DEP069',
    'exponentialBackoff',
    'unified-retry-handler',
    "RetryConfig { backoff: 'exponential' } from @rel/config (delays in ms, computed by @rel/retry)",
  ),
  REL_DEP070: entry(
    'REL_DEP070',
    'linearBackoff',
    'unified-retry-handler',
    "RetryConfig { backoff: 'linear' } from @rel/config (delays in ms, computed by @rel/retry)",
  ),
  REL_DEP071: entry(
    'REL_DEP071',
    'databaseRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, DATABASE_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP072: entry(
    'REL_DEP072',
    'llmRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, LLM_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP073: entry(
    'REL_DEP073',
    'agentRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, AGENT_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP074: entry(
    'REL_DEP074',
    'apiRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP075: entry(
    'REL_DEP075',
    'websocketRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, WEBSOCKET_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP076: entry(
    'REL_DEP076',
    'fileRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, FILE_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP077: entry(
    'REL_DEP077',
    'authRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP078: entry(
    'REL_DEP078',
    'backendRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP079: entry(
    'REL_DEP079',
    'launcherRetryHandler',
    'unified-retry-handler',
    'getDefaultManager().get(name, API_RELIABILITY_PROFILE).execute(op) from @rel/core (profiles from @rel/config)',
  ),
  REL_DEP080: entry(
    'REL_DEP080',
    'defaultRetryHandler',
    'unified-retry-handler',
    "getDefaultManager().get(name).execute(op) from @rel/core (the manager's default profile)",
  ),
  REL_DEP081: entry(
    'REL_DEP081',
    'AsyncLock',
    'async-retry-logic',
    'a ReliabilityInstance whose profile has bulkhead { maxConcurrent: 1 } (@rel/core), or Bulkhead from @rel/core',
  ),
  REL_DEP082: entry(
    'REL_DEP082',
    'asyncTimeout',
    'async-retry-logic',
    'execute(op, { timeoutMs }) on a ReliabilityInstance (@rel/core), or attemptTimeoutMs / totalTimeoutMs of RetryConfig',
  ),
  // core/agent_reliability_mixin + core/agent_reliability_types: REL_DEP083-REL_DEP085
  REL_DEP083: entry(
    'REL_DEP083',
    'AgentReliabilityMixin',
    'agent-reliability-mixin',
    'AgentReliabilityWrapper from @rel/core (executeSafely with a fallback, agent runs) and ReliabilityInstance#status() for health',
  ),
  REL_DEP084: entry(
    'REL_DEP084',
    'AgentError',
    'agent-reliability-mixin',
    'the error history of ReliabilityInstance#health from @rel/core (ErrorHistoryEntry from @rel/health)',
  ),
  REL_DEP085: entry(
    'REL_DEP085',
    'AgentHealthStatus',
    'agent-reliability-mixin',
    'ReliabilityInstance#status() from @rel/core (health score and status, circuit state)',
  ),
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

// @rel/compat: the legacy reliability names, as deprecation-warning adapters over @rel/core,
// @rel/retry and @rel/circuit. Every legacy module is also a subpath named after it
// (`@rel/compat/retry-manager`, ...), which is the way in where two legacy modules used one
// name; here at the root each name is unambiguous (see the README for the table).

// agents/base/retry_manager
export { BackoffStrategy } from './retry-manager/backoff-strategy.js';
export { RetryManager } from './retry-manager/retry-manager.js';
export { RETRY_MANAGER_DEFAULT_RETRYABLE } from './retry-manager/retry-manager-config.js';
export type { RetryManagerChanges, RetryManagerOptions } from './retry-manager/retry-manager-config.js';
export { RetryResult } from './retry-manager/retry-result.js';
export { MAX_OPERATION_RECORDS } from './retry-manager/retry-statistics.js';
export type { EmptyRetryStatistics, RetryStatistics } from './retry-manager/retry-statistics.js';
export type { RetryManagerHealth } from './retry-manager/retry-manager-health.js';

// core/reliability_retry
export { ReliabilityRetryConfig } from './reliability-retry/reliability-retry-config.js';
export type { ReliabilityRetryConfigInit } from './reliability-retry/reliability-retry-config.js';
export { RetryHandler } from './reliability-retry/retry-handler.js';
export type { RetryHandlerOptions } from './reliability-retry/retry-handler.js';

// llm/enhanced_retry (RetryStrategy here is the class; the unified enum is UnifiedRetryStrategy)
export { RetryStrategy, RETRYABLE_LLM_MESSAGES } from './enhanced-retry/retry-strategy.js';
export type { RetryStrategyOptions } from './enhanced-retry/retry-strategy.js';
export {
  APISpecificRetryStrategy,
  API_RETRY_DEFAULTS,
} from './enhanced-retry/api-specific-retry-strategy.js';
export type { ApiType } from './enhanced-retry/api-specific-retry-strategy.js';
export { withEnhancedRetry } from './enhanced-retry/with-enhanced-retry.js';
export { CircuitBreakerRetryStrategy } from './enhanced-retry/circuit-breaker-retry-strategy.js';
export {
  ANTHROPIC_RETRY,
  FAST_LLM_RETRY,
  OPENAI_RETRY,
  SLOW_LLM_RETRY,
  STANDARD_LLM_RETRY,
} from './enhanced-retry/presets.js';
export type { LegacyCircuitStatus } from './delegate/legacy-circuit-status.js';

// core/resilience/unified_retry_handler (renamed here: the canonical names are taken)
export { RetryStrategy as UnifiedRetryStrategy } from './unified-retry-handler/retry-strategy-enum.js';
export { RetryConfig as UnifiedRetryConfig } from './unified-retry-handler/retry-config.js';
export { RetryResult as UnifiedRetryResult } from './unified-retry-handler/retry-result.js';
export type { RetryAttempt } from './unified-retry-handler/retry-result.js';
export { UnifiedRetryHandler as LegacyUnifiedRetryHandler } from './unified-retry-handler/unified-retry-handler.js';
export { RetryContext } from './unified-retry-handler/retry-context.js';
export type { UnifiedRetryHandlerOptions } from './unified-retry-handler/unified-retry-handler.js';
export { asyncRetryOnException, retryOnException } from './unified-retry-handler/retry-on-exception.js';
export {
  agentRetry,
  apiRetry,
  databaseRetry,
  llmRetry,
  retryAgentOperation,
  retryDatabaseOperation,
  retryFileOperation,
  retryHttpRequest,
  retryLlmRequest,
  retryWebsocketOperation,
} from './unified-retry-handler/domain-retry.js';
export type { DomainRetryOptions } from './unified-retry-handler/domain-retry.js';
export type { RetryOnExceptionOptions } from './unified-retry-handler/retry-on-exception.js';
export {
  AGENT_RETRY_POLICY as LEGACY_AGENT_RETRY_POLICY,
  API_RETRY_POLICY as LEGACY_API_RETRY_POLICY,
  DATABASE_RETRY_POLICY as LEGACY_DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY as LEGACY_FILE_RETRY_POLICY,
  LLM_RETRY_POLICY as LEGACY_LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY as LEGACY_WEBSOCKET_RETRY_POLICY,
} from './unified-retry-handler/policies.js';

// services/service_mesh/retry_policy (its RetryStrategy enum is ServiceMeshRetryStrategy here)
export { RetryPolicyService } from './retry-policy/retry-policy-service.js';
export type { RetryPolicyServiceOptions } from './retry-policy/retry-policy-service.js';
export type { RetryServiceStats, RetryStats } from './retry-policy/retry-policy-stats.js';
export {
  DEFAULT_RETRY_POLICY,
  RetryStrategy as ServiceMeshRetryStrategy,
} from './retry-policy/retry-policy.js';
export type { RetryPolicy, RetryPolicyInput } from './retry-policy/retry-policy.js';

// core/async_retry_logic
export { withRetry } from './async-retry-logic/with-retry.js';
export type { WithRetryOptions } from './async-retry-logic/with-retry.js';
export { withTimeout } from './async-retry-logic/with-timeout.js';
export { AsyncCircuitBreaker } from './async-retry-logic/async-circuit-breaker.js';
export type {
  AsyncCircuitBreakerOptions,
  AsyncCircuitInfo,
  AsyncCircuitState,
} from './async-retry-logic/async-circuit-breaker.js';

// agents/base/reliability_manager (renamed here: @rel/core's ReliabilityManager is canonical)
export { ReliabilityManager as LegacyReliabilityManager } from './reliability-manager/reliability-manager.js';
export type { LegacyReliabilityManagerOptions } from './reliability-manager/reliability-manager.js';
export { CircuitState } from './reliability-manager/circuit-health.js';
export type {
  ReliabilityCircuitStatus,
  ReliabilityHealthCheck,
  ReliabilityHealthStatus,
} from './reliability-manager/circuit-health.js';

// core/reliability (renamed here: @rel/core's AgentReliabilityWrapper is canonical)
export {
  AgentReliabilityWrapper as LegacyAgentReliabilityWrapper,
  WRAPPER_NON_RETRYABLE,
} from './agent-reliability/agent-reliability-wrapper.js';
export type {
  AgentHealthReport,
  AgentReliabilityWrapperOptions,
} from './agent-reliability/agent-reliability-wrapper.js';
export { getReliabilityWrapper, getSystemHealth } from './agent-reliability/registry.js';
export type { LegacySystemHealth } from './agent-reliability/registry.js';
export type { LegacyErrorEntry } from './agent-reliability/legacy-error-log.js';

// Migration tooling: the deprecation registry and the migration report.
export { DEPRECATIONS, DEPRECATION_CODES, REMOVAL_VERSION } from './deprecation/registry.js';
export type { Deprecation, DeprecationCode } from './deprecation/registry.js';
export { deprecationMessage } from './deprecation/warn-once.js';
export {
  formatMigrationSummary,
  getMigrationStatus,
  logMigrationSummary,
} from './deprecation/migration-status.js';
export type { LegacyNameUsage, MigrationLogger, MigrationStatus } from './deprecation/migration-status.js';
export { resetMigrationStatus, setMigrationClock } from './deprecation/usage.js';

// Migration tooling: legacy configuration -> canonical configuration, in one place.
export { convertLegacyRetryConfig, LEGACY_UNIFIED_DEFAULTS } from './legacy-config/convert.js';
export type { ConvertLegacyOptions, LegacyConversion } from './legacy-config/convert.js';
export type { CanonicalRetry, LegacyFormula } from './legacy-config/to-canonical.js';
export type { ResolvedLegacyRetry } from './legacy-config/resolve-legacy.js';
export { formatConversionNotes } from './legacy-config/conversion-note.js';
export type { ConversionNote } from './legacy-config/conversion-note.js';
export { LEGACY_JITTER_TYPES, LEGACY_STRATEGIES } from './legacy-config/legacy-retry-config.js';
export type {
  LegacyJitterType,
  LegacyRetryConfigInput,
  LegacyStrategyName,
} from './legacy-config/legacy-retry-config.js';
export { LEGACY_RETRY_ENV, readLegacyRetryEnv } from './legacy-config/env-overrides.js';
export type { LegacyEnvOverrides } from './legacy-config/env-overrides.js';
export { convertLegacyCircuitConfig } from './legacy-config/legacy-circuit-config.js';
export type {
  LegacyCircuitConfigInput,
  LegacyCircuitConversion,
  LegacyCircuitDefaults,
} from './legacy-config/legacy-circuit-config.js';

// Migration tooling: what the legacy exception names mean in JavaScript, and the legacy formulas.
export {
  isConnectionError,
  isProgrammingError,
  isRuntimeError,
  isTimeoutError,
  isValueError,
} from './legacy-errors/error-families.js';
export {
  compileLegacyErrorSet,
  LEGACY_EXCEPTION_NAMES,
  legacyRetryMatchers,
} from './legacy-errors/legacy-error-set.js';
export type {
  LegacyErrorSet,
  LegacyErrorSpec,
  LegacyRetryMatchers,
} from './legacy-errors/legacy-error-set.js';
export { domainRetryable } from './legacy-errors/domain-errors.js';
export {
  agentReliabilityDelay,
  llmDelay,
  reliabilityRetryDelay,
  retryManagerDelay,
} from './legacy-formulas/legacy-delays.js';
export { serviceMeshDelay } from './legacy-formulas/legacy-delays.js';
export type { RetryManagerStrategy, ServiceMeshStrategy } from './legacy-formulas/legacy-delays.js';
export { penaltyHealthScore } from './legacy-formulas/penalty-health-score.js';
export type { PenaltyHealthInput } from './legacy-formulas/penalty-health-score.js';

// core/enhanced_retry_strategies + core/retry_strategy_* (Era A)
// (renamed here: RetryManager is the agents one; OperationType / RecoveryContext are Era A's)
export { EnhancedRetryConfig } from './enhanced-retry-strategies/enhanced-retry-config.js';
export type { EnhancedRetryConfigInit } from './enhanced-retry-strategies/enhanced-retry-config.js';
export type {
  StrategyConfigInput,
  StrategyRetryConfig,
} from './enhanced-retry-strategies/strategy-config.js';
export { EnhancedRetryStrategy } from './enhanced-retry-strategies/enhanced-retry-strategy.js';
export type {
  StrategyCallContext,
  StrategyOptions,
} from './enhanced-retry-strategies/enhanced-retry-strategy.js';
export {
  DATABASE_CONSTRAINT_TERMS,
  DATABASE_RETRYABLE_TERMS,
  DatabaseRetryStrategy,
} from './enhanced-retry-strategies/database-retry-strategy.js';
export {
  API_RETRYABLE_STATUSES,
  API_RETRYABLE_TERMS,
  ApiRetryStrategy,
} from './enhanced-retry-strategies/api-retry-strategy.js';
export { MemoryAwareRetryStrategy } from './enhanced-retry-strategies/memory-aware-retry-strategy.js';
export type { MemoryAwareStrategyOptions } from './enhanced-retry-strategies/memory-aware-retry-strategy.js';
export { systemMemoryUsage } from './enhanced-retry-strategies/memory-usage.js';
export type { MemoryUsageReader } from './enhanced-retry-strategies/memory-usage.js';
export {
  ADAPTIVE_PATTERN_TERMS,
  AdaptiveRetryStrategy,
} from './enhanced-retry-strategies/adaptive-retry-strategy.js';
export { RetryStrategyFactory } from './enhanced-retry-strategies/retry-strategy-factory.js';
export { DEFAULT_RETRY_CONFIGS } from './enhanced-retry-strategies/default-retry-configs.js';
export {
  RetryManager as StrategyRetryManager,
  retryManager as strategyRetryManager,
} from './enhanced-retry-strategies/retry-strategy-manager.js';
export type {
  RetryAttemptCounts,
  RetryStrategyMetrics,
} from './enhanced-retry-strategies/retry-strategy-manager.js';
export { calculateRetryDelay } from './enhanced-retry-strategies/calculate-retry-delay.js';
export { exponentialBackoffRetry } from './enhanced-retry-strategies/exponential-backoff-retry.js';
export type { RetrySource } from './enhanced-retry-strategies/exponential-backoff-retry.js';
export { OperationType as EraAOperationType } from './enhanced-retry-strategies/operation-type.js';
export { ErrorSeverity } from './enhanced-retry-strategies/error-severity.js';
export { RecoveryContext as EraARecoveryContext } from './enhanced-retry-strategies/recovery-context.js';
export type {
  RecoveryContextInit as EraARecoveryContextInit,
  RecoveryContextLike as EraARecoveryContextLike,
} from './enhanced-retry-strategies/recovery-context.js';

// core/resilience/retry_manager, unified_retry_handler instances and helpers, async_retry_logic additions
// (the resilience RetryConfig, BackoffStrategy and JitterType are Resilience* here: the names are taken)
export { UnifiedRetryManager } from './resilience-retry-manager/unified-retry-manager.js';
export type { UnifiedRetryManagerOptions } from './resilience-retry-manager/unified-retry-manager.js';
export { RetryConfig as ResilienceRetryConfig } from './resilience-retry-manager/retry-config.js';
export type { RetryConfigInput as ResilienceRetryConfigInput } from './resilience-retry-manager/retry-config.js';
export { BackoffStrategy as ResilienceBackoffStrategy } from './resilience-retry-manager/backoff-strategy.js';
export { JitterType as ResilienceJitterType } from './resilience-retry-manager/jitter-type.js';
export { RetryPresets } from './resilience-retry-manager/retry-presets.js';
export { RetryExhaustedException } from './resilience-retry-manager/retry-exhausted-exception.js';
export { exponentialBackoff, linearBackoff } from './unified-retry-handler/backoff-helpers.js';
export {
  agentRetryHandler,
  apiRetryHandler,
  authRetryHandler,
  backendRetryHandler,
  databaseRetryHandler,
  defaultRetryHandler,
  fileRetryHandler,
  launcherRetryHandler,
  llmRetryHandler,
  websocketRetryHandler,
} from './unified-retry-handler/handler-instances.js';
export { AsyncLock } from './async-retry-logic/async-lock.js';
export type { AsyncLockHold, AsyncLockInfo } from './async-retry-logic/async-lock.js';
export { asyncTimeout } from './async-retry-logic/async-timeout.js';
export type { AsyncTimeoutContext } from './async-retry-logic/async-timeout.js';
export type { PolicyTestResult } from './retry-policy/policy-test.js';

// core/agent_reliability_mixin + core/agent_reliability_types
export { AgentReliabilityMixin } from './agent-reliability-mixin/agent-reliability-mixin.js';
export { AgentError } from './agent-reliability-mixin/agent-error.js';
export type { AgentErrorInit, AgentErrorSeverity } from './agent-reliability-mixin/agent-error.js';
export { AgentHealthStatus } from './agent-reliability-mixin/agent-health-status.js';
export type { AgentHealthStatusInit } from './agent-reliability-mixin/agent-health-status.js';
export type { AgentErrorSummary } from './agent-reliability-mixin/error-summary.js';
export type { AgentRecoveryStrategy } from './agent-reliability-mixin/recovery-strategies.js';

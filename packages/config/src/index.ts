// @rel/config: the one configuration of @rel, and the primitives every package shares.

// Shared primitives (the bottom of the package graph).
export { REL_ERROR_CODES } from './errors/codes.js';
export type { RelErrorCode } from './errors/codes.js';
export { RelError, isRelError } from './errors/rel-error.js';
export type { RelErrorOptions } from './errors/rel-error.js';
export { ExecutionError } from './errors/execution-error.js';
export type { ExecutionErrorOptions } from './errors/execution-error.js';
export { RetryExhaustedError } from './errors/retry-exhausted-error.js';
export { NonRetryableError } from './errors/non-retryable-error.js';
export { DeadlineExceededError } from './errors/deadline-exceeded-error.js';
export type { DeadlineExceededErrorOptions } from './errors/deadline-exceeded-error.js';
export { AttemptTimeoutError } from './errors/attempt-timeout-error.js';
export { CancelledError } from './errors/cancelled-error.js';
export { CircuitOpenError } from './errors/circuit-open-error.js';
export type { CircuitOpenErrorOptions } from './errors/circuit-open-error.js';
export { BudgetExhaustedError } from './errors/budget-exhausted-error.js';
export { BulkheadRejectedError } from './errors/bulkhead-rejected-error.js';
export { RegistryConflictError } from './errors/registry-conflict-error.js';
export { InvalidStateError } from './errors/invalid-state-error.js';
export { RelConfigError, RelValidationError, describeValue, formatIssues } from './errors/config-error.js';
export type { ValidationIssue } from './errors/config-error.js';
export { systemClock, sleep } from './primitives/clock.js';
export type { Clock, TimerHandle } from './primitives/clock.js';
export { systemRandom } from './primitives/random.js';
export type { Random } from './primitives/random.js';
export { EventEmitter, setListenerErrorHandler } from './primitives/event.js';
export type { Disposable, Event, ListenerErrorHandler } from './primitives/event.js';
export { OUTCOME_KINDS } from './primitives/outcome.js';
export type { AttemptRecord, FailureKind, OutcomeKind } from './primitives/outcome.js';
export { deepFreeze } from './freeze.js';
export type { DeepReadonly } from './freeze.js';
export { toValidationIssues, suggest } from './validate.js';

// Schemas and the types inferred from them.
export { ErrorMatcherSchema, ErrorMatcherObjectSchema, OutcomeKindSchema } from './schema/common.js';
export type { ErrorClass, ErrorMatcher, ErrorMatcherObject } from './schema/common.js';
export {
  BACKOFF_STRATEGIES,
  BackoffSchema,
  CLASSIFIER_DOMAINS,
  JITTER_KINDS,
  RetryConfigInputSchema,
  RetryConfigSchema,
} from './schema/retry.js';
export type {
  Backoff,
  BackoffStrategy,
  ClassifierDomain,
  CustomDelayInput,
  JitterKind,
  RetryConfig,
  RetryConfigInput,
} from './schema/retry.js';
export { DEFAULT_RETRY_BUDGET, RetryBudgetConfigSchema } from './schema/budget.js';
export type { RetryBudgetConfig } from './schema/budget.js';
export { TimeoutConfigSchema } from './schema/timeout.js';
export type { TimeoutConfig } from './schema/timeout.js';
export {
  CIRCUIT_STRATEGIES,
  CircuitBreakerConfigInputSchema,
  CircuitBreakerConfigSchema,
} from './schema/circuit.js';
export type { CircuitBreakerConfig, CircuitBreakerConfigInput, CircuitStrategy } from './schema/circuit.js';
export { HealthConfigInputSchema, HealthConfigSchema } from './schema/health.js';
export type { HealthConfig, HealthConfigInput } from './schema/health.js';
export { BulkheadConfigInputSchema, BulkheadConfigSchema } from './schema/bulkhead.js';
export type { BulkheadConfig, BulkheadConfigInput } from './schema/bulkhead.js';
export {
  ConfigFileSchema,
  EventsConfigSchema,
  FallbackConfigSchema,
  PROFILE_NAMES,
  ReliabilityConfigInputSchema,
  ReliabilityConfigSchema,
} from './schema/reliability.js';
export type {
  ConfigFile,
  EventsConfig,
  FallbackConfig,
  ProfileName,
  ReliabilityConfig,
  ReliabilityConfigInput,
} from './schema/reliability.js';

// Defaults, parsing, policies and profiles.
export {
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  DEFAULT_EVENTS_CONFIG,
  DEFAULT_FALLBACK_CONFIG,
  DEFAULT_HEALTH_CONFIG,
  DEFAULT_RELIABILITY_CONFIG,
  DEFAULT_RETRY_CONFIG,
} from './defaults.js';
export {
  parseBulkheadConfig,
  parseCircuitBreakerConfig,
  parseHealthConfig,
  parseReliabilityConfig,
  parseRetryConfig,
} from './parse.js';
export {
  AGENT_RETRY_POLICY,
  API_RETRY_POLICY,
  DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY,
  LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY,
} from './policies/retry-policies.js';
export {
  API_CIRCUIT_BREAKER,
  DATABASE_CIRCUIT_BREAKER,
  LLM_CIRCUIT_BREAKER,
} from './policies/circuit-policies.js';
export {
  AGENT_RELIABILITY_PROFILE,
  API_RELIABILITY_PROFILE,
  DATABASE_RELIABILITY_PROFILE,
  FILE_RELIABILITY_PROFILE,
  LLM_RELIABILITY_PROFILE,
  RELIABILITY_PROFILES,
  WEBSOCKET_RELIABILITY_PROFILE,
  defineProfile,
  getProfile,
} from './policies/profiles.js';

// Loading.
export { loadConfig } from './load/load-config.js';
export type { ConfigSource, LoadConfigOptions, LoadedConfig } from './load/load-config.js';
export { defineConfig } from './load/define-config.js';
export { readEnv, screamingToCamel } from './load/env.js';
export type { EnvEntry } from './load/env.js';
export { configJsonSchema } from './json-schema.js';

import type { LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';

/**
 * Backoff strategy names of the legacy modules (both eras, every module), lower case.
 * `exponential_jitter` is the unified handler's `d ± jitter_range·d`; `adaptive` was a
 * placeholder for exponential; `custom` was `base_delay` (meant to be overridden);
 * `random` (Era B) was `U(base, max)`.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const LEGACY_STRATEGIES = [
  'fixed',
  'linear',
  'exponential',
  'exponential_jitter',
  'fibonacci',
  'adaptive',
  'custom',
  'random',
] as const;

/**
 * One of {@link LEGACY_STRATEGIES}.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export type LegacyStrategyName = (typeof LEGACY_STRATEGIES)[number];

/**
 * Jitter types of the shared legacy `RetryConfig` (both eras).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const LEGACY_JITTER_TYPES = ['none', 'full', 'equal', 'decorrelated'] as const;

/**
 * One of {@link LEGACY_JITTER_TYPES}.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export type LegacyJitterType = (typeof LEGACY_JITTER_TYPES)[number];

/**
 * Any legacy retry configuration, as the old services wrote it: the unified handler's
 * `RetryConfig`, the shared `RetryConfig` of either era, the reliability-retry and
 * service-mesh shapes, in snake_case (as stored in JSON and env) or camelCase (as the
 * TypeScript ports wrote it). Times are **seconds**. `max_retries` counts retries
 * (attempts = retries + 1); `max_attempts` counts every attempt.
 *
 * Giving the same field twice under two spellings with different values is an error, and
 * so is any key not listed here (the legacy pydantic models dropped unknown keys silently).
 *
 * @deprecated Legacy configuration shape; use `RetryConfig` from `@rel/config` (times in
 * ms). Removed in 2.0.0.
 * @example
 * ```ts
 * const legacy: LegacyRetryConfigInput = { max_retries: 2, base_delay: 0.5, max_delay: 10, backoff_factor: 3 };
 * convertLegacyRetryConfig(legacy).config; // { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10000, multiplier: 3, ... }
 * ```
 */
export interface LegacyRetryConfigInput {
  /** Total attempts, the first included. `null` means "not set" (Era A). */
  readonly max_attempts?: number | null;
  readonly maxAttempts?: number | null;
  /** Retries after the first attempt: attempts = max_retries + 1. */
  readonly max_retries?: number;
  readonly maxRetries?: number;
  /** First delay (seconds). */
  readonly base_delay?: number;
  readonly baseDelay?: number;
  readonly base_delay_seconds?: number;
  readonly baseDelaySeconds?: number;
  /** Cap on every delay (seconds). */
  readonly max_delay?: number;
  readonly maxDelay?: number;
  readonly max_delay_seconds?: number;
  readonly maxDelaySeconds?: number;
  /** Backoff strategy (a {@link LegacyStrategyName}, any case). */
  readonly strategy?: string;
  readonly backoff_strategy?: string;
  readonly backoffStrategy?: string;
  /** Growth factor. Era A: an explicit `backoff_multiplier` of 2.0 yields to `backoff_factor`. */
  readonly backoff_multiplier?: number;
  readonly backoffMultiplier?: number;
  readonly backoff_factor?: number;
  readonly backoffFactor?: number;
  /** Growth factor of the reliability-retry handler (wins over the others). */
  readonly exponential_base?: number;
  readonly exponentialBase?: number;
  /** Era A on/off switch of jitter. */
  readonly jitter?: boolean;
  /** Jitter type (a {@link LegacyJitterType}, any case). */
  readonly jitter_type?: string;
  readonly jitterType?: string;
  /** Spread of `exponential_jitter`: d ± jitter_range·d. */
  readonly jitter_range?: number;
  readonly jitterRange?: number;
  /** Overall time budget across attempts (seconds); `null` or 0 means none. */
  readonly timeout_seconds?: number | null;
  readonly timeoutSeconds?: number | null;
  /** Era A: wins over `timeout_seconds` when set. */
  readonly timeout_seconds_float?: number | null;
  readonly timeoutSecondsFloat?: number | null;
  /** Errors that are retried (classes, predicates or exception names). */
  readonly retryable_exceptions?: LegacyErrorSet;
  readonly retryableExceptions?: LegacyErrorSet;
  /** Errors that are never retried (checked first). */
  readonly non_retryable_exceptions?: LegacyErrorSet;
  readonly nonRetryableExceptions?: LegacyErrorSet;
  /** Whether the handler had its own breaker. */
  readonly circuit_breaker_enabled?: boolean;
  readonly circuitBreakerEnabled?: boolean;
  readonly circuit_breaker_failure_threshold?: number;
  readonly circuitBreakerFailureThreshold?: number;
  /** Breaker recovery time (seconds). */
  readonly circuit_breaker_recovery_timeout?: number;
  readonly circuitBreakerRecoveryTimeout?: number;
  /** Not used by any legacy logic; accepted and ignored. */
  readonly metrics_enabled?: boolean;
  readonly metricsEnabled?: boolean;
  /** Era B: `false` ran the operation once, without retries. */
  readonly enabled?: boolean;
}

/** The legacy fields, one name each, after spelling variants are merged. Seconds. */
export interface LegacyRetrySettings {
  readonly maxAttempts?: number;
  readonly maxRetries?: number;
  readonly baseDelay?: number;
  readonly maxDelay?: number;
  readonly strategy?: LegacyStrategyName;
  readonly backoffMultiplier?: number;
  readonly backoffFactor?: number;
  readonly exponentialBase?: number;
  readonly jitter?: boolean;
  readonly jitterType?: LegacyJitterType;
  readonly jitterRange?: number;
  readonly timeoutSeconds?: number;
  readonly timeoutSecondsFloat?: number;
  readonly retryableExceptions?: LegacyErrorSet;
  readonly nonRetryableExceptions?: LegacyErrorSet;
  readonly circuitBreakerEnabled?: boolean;
  readonly circuitBreakerFailureThreshold?: number;
  readonly circuitBreakerRecoveryTimeout?: number;
  readonly metricsEnabled?: boolean;
  readonly enabled?: boolean;
}

/** A field of {@link LegacyRetrySettings}. */
export type LegacyField = keyof LegacyRetrySettings;

/** Every accepted spelling of each legacy field. */
export const LEGACY_FIELD_ALIASES: Readonly<Record<LegacyField, readonly (keyof LegacyRetryConfigInput)[]>> =
  {
    maxAttempts: ['max_attempts', 'maxAttempts'],
    maxRetries: ['max_retries', 'maxRetries'],
    baseDelay: ['base_delay', 'baseDelay', 'base_delay_seconds', 'baseDelaySeconds'],
    maxDelay: ['max_delay', 'maxDelay', 'max_delay_seconds', 'maxDelaySeconds'],
    strategy: ['strategy', 'backoff_strategy', 'backoffStrategy'],
    backoffMultiplier: ['backoff_multiplier', 'backoffMultiplier'],
    backoffFactor: ['backoff_factor', 'backoffFactor'],
    exponentialBase: ['exponential_base', 'exponentialBase'],
    jitter: ['jitter'],
    jitterType: ['jitter_type', 'jitterType'],
    jitterRange: ['jitter_range', 'jitterRange'],
    timeoutSeconds: ['timeout_seconds', 'timeoutSeconds'],
    timeoutSecondsFloat: ['timeout_seconds_float', 'timeoutSecondsFloat'],
    retryableExceptions: ['retryable_exceptions', 'retryableExceptions'],
    nonRetryableExceptions: ['non_retryable_exceptions', 'nonRetryableExceptions'],
    circuitBreakerEnabled: ['circuit_breaker_enabled', 'circuitBreakerEnabled'],
    circuitBreakerFailureThreshold: ['circuit_breaker_failure_threshold', 'circuitBreakerFailureThreshold'],
    circuitBreakerRecoveryTimeout: ['circuit_breaker_recovery_timeout', 'circuitBreakerRecoveryTimeout'],
    metricsEnabled: ['metrics_enabled', 'metricsEnabled'],
    enabled: ['enabled'],
  };

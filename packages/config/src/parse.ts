import type { z } from 'zod';
import {
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  DEFAULT_HEALTH_CONFIG,
  DEFAULT_RELIABILITY_CONFIG,
  DEFAULT_RETRY_CONFIG,
} from './defaults.js';
import { RelConfigError, type ValidationIssue } from './errors/config-error.js';
import { deepFreeze } from './freeze.js';
import {
  BulkheadConfigInputSchema,
  BulkheadConfigSchema,
  type BulkheadConfig,
  type BulkheadConfigInput,
} from './schema/bulkhead.js';
import {
  CircuitBreakerConfigInputSchema,
  CircuitBreakerConfigSchema,
  type CircuitBreakerConfig,
  type CircuitBreakerConfigInput,
} from './schema/circuit.js';
import {
  HealthConfigInputSchema,
  HealthConfigSchema,
  type HealthConfig,
  type HealthConfigInput,
} from './schema/health.js';
import {
  ReliabilityConfigInputSchema,
  ReliabilityConfigSchema,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
} from './schema/reliability.js';
import {
  RetryConfigInputSchema,
  RetryConfigSchema,
  type RetryConfig,
  type RetryConfigInput,
} from './schema/retry.js';
import { toValidationIssues } from './validate.js';

/**
 * Validates `input` against `schema`, appending any problems to `issues` (with paths under
 * `prefix`). Returns the parsed value, or `undefined` when it is invalid.
 * @internal
 */
export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: string,
  issues: ValidationIssue[],
): z.output<S> | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  issues.push(...toValidationIssues(schema, input, result.error.issues, prefix));
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Layers `input` over `base`: fields `input` sets win; nested plain objects (the retry
 * budget) are merged one level down; arrays and functions are replaced whole.
 * @internal
 */
export function layer<T extends object>(base: T, input: object | undefined): T {
  if (input === undefined) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return out as T;
}

function finish<T>(value: T | undefined, issues: ValidationIssue[], subject: string): T {
  if (issues.length > 0 || value === undefined) throw new RelConfigError(issues, subject);
  return deepFreeze(value);
}

function parseSection<T extends object>(
  inputSchema: z.ZodType,
  fullSchema: z.ZodType<T>,
  input: unknown,
  base: T,
  subject: string,
): T {
  const issues: ValidationIssue[] = [];
  const partial = check(inputSchema, input ?? {}, '', issues) as object | undefined;
  if (partial === undefined) throw new RelConfigError(issues, subject);
  return finish(check(fullSchema, layer(base, partial), '', issues), issues, subject);
}

/**
 * Builds a complete, frozen {@link RetryConfig} from any subset of its fields, layered
 * over `base` (the defaults, or a domain policy).
 *
 * @throws {@link RelConfigError} listing every bad field.
 * @example
 * ```ts
 * const config = parseRetryConfig({ maxAttempts: 5, backoff: 'decorrelated' }, LLM_RETRY_POLICY);
 * ```
 */
export function parseRetryConfig(
  input?: RetryConfigInput,
  base: RetryConfig = DEFAULT_RETRY_CONFIG,
): RetryConfig {
  return parseSection(RetryConfigInputSchema, RetryConfigSchema, input, base, 'retry configuration');
}

/** Builds a complete, frozen {@link CircuitBreakerConfig}; see {@link parseRetryConfig}. */
export function parseCircuitBreakerConfig(
  input?: CircuitBreakerConfigInput,
  base: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER_CONFIG,
): CircuitBreakerConfig {
  return parseSection(
    CircuitBreakerConfigInputSchema,
    CircuitBreakerConfigSchema,
    input,
    base,
    'circuit breaker configuration',
  );
}

/** Builds a complete, frozen {@link HealthConfig}; see {@link parseRetryConfig}. */
export function parseHealthConfig(
  input?: HealthConfigInput,
  base: HealthConfig = DEFAULT_HEALTH_CONFIG,
): HealthConfig {
  return parseSection(HealthConfigInputSchema, HealthConfigSchema, input, base, 'health configuration');
}

/** Builds a complete, frozen {@link BulkheadConfig} (`maxConcurrent` is required). */
export function parseBulkheadConfig(input: BulkheadConfigInput): BulkheadConfig {
  return parseSection(
    BulkheadConfigInputSchema,
    BulkheadConfigSchema,
    input,
    { maxQueue: 0 } as BulkheadConfig,
    'bulkhead configuration',
  );
}

/**
 * Layers a partial profile over a complete one, section by section. A section set to
 * `false` turns it off; a section given as an object over a base of `false` starts from
 * that section's defaults. The `profile` key is ignored here (see `defineProfile`).
 * @internal
 */
export function layerProfile(base: ReliabilityConfig, input: ReliabilityConfigInput): ReliabilityConfig {
  const section = <T extends object>(
    current: T | false,
    given: object | false | undefined,
    defaults: T,
  ): T | false => {
    if (given === undefined) return current;
    if (given === false) return false;
    return layer(current === false ? defaults : current, given);
  };
  return {
    retry: layer(base.retry, input.retry),
    circuitBreaker: section(base.circuitBreaker, input.circuitBreaker, DEFAULT_CIRCUIT_BREAKER_CONFIG),
    health: layer(base.health, input.health),
    bulkhead: section(
      base.bulkhead,
      input.bulkhead as object | false | undefined,
      { maxQueue: 0 } as BulkheadConfig,
    ),
    fallback: layer(base.fallback, input.fallback),
    events: layer(base.events, input.events),
  };
}

/**
 * Builds a complete, frozen {@link ReliabilityConfig} from a partial profile layered over
 * `base`. Use `defineProfile` to start from a named built-in profile instead.
 *
 * @throws {@link RelConfigError} listing every bad field.
 */
export function parseReliabilityConfig(
  input: ReliabilityConfigInput = {},
  base: ReliabilityConfig = DEFAULT_RELIABILITY_CONFIG,
): ReliabilityConfig {
  const issues: ValidationIssue[] = [];
  const partial = check(ReliabilityConfigInputSchema, input, '', issues);
  if (partial === undefined) throw new RelConfigError(issues, 'reliability configuration');
  return finish(
    check(ReliabilityConfigSchema, layerProfile(base, partial), '', issues),
    issues,
    'reliability configuration',
  );
}

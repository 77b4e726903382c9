import {
  parseCircuitBreakerConfig,
  RelConfigError,
  suggest,
  type CircuitBreakerConfig,
  type CircuitBreakerConfigInput,
  type ValidationIssue,
} from '@rel/config';
import type { ConversionNote } from './conversion-note.js';

/**
 * A legacy breaker config (`CircuitConfig`, the agents `CircuitBreakerConfig`, or the
 * constructor arguments of the legacy breakers), camelCase or snake_case, seconds.
 *
 * @deprecated Legacy configuration shape; use `CircuitBreakerConfig` from `@rel/config`
 * (times in ms). Removed in 2.0.0.
 */
export interface LegacyCircuitConfigInput {
  readonly name?: string;
  readonly failure_threshold?: number;
  readonly failureThreshold?: number;
  /** Seconds open before a probe. */
  readonly recovery_timeout?: number;
  readonly recoveryTimeout?: number;
  readonly half_open_max_calls?: number;
  readonly halfOpenMaxCalls?: number;
  readonly success_threshold?: number;
  readonly successThreshold?: number;
  /** Per-call timeout of some legacy breakers (seconds): not a breaker setting; ignored. */
  readonly timeout_seconds?: number;
  readonly timeoutSeconds?: number;
  readonly adaptive_threshold?: boolean;
  readonly adaptiveThreshold?: boolean;
  readonly slow_call_threshold?: number;
  readonly slowCallThreshold?: number;
  readonly sliding_window_size?: number;
  readonly slidingWindowSize?: number;
}

type Field =
  'name' | 'failureThreshold' | 'recoveryTimeout' | 'halfOpenMaxCalls' | 'successThreshold' | 'ignored';

const KEYS: Readonly<Record<string, Field>> = {
  name: 'name',
  failure_threshold: 'failureThreshold',
  failureThreshold: 'failureThreshold',
  recovery_timeout: 'recoveryTimeout',
  recoveryTimeout: 'recoveryTimeout',
  half_open_max_calls: 'halfOpenMaxCalls',
  halfOpenMaxCalls: 'halfOpenMaxCalls',
  success_threshold: 'successThreshold',
  successThreshold: 'successThreshold',
  timeout_seconds: 'ignored',
  timeoutSeconds: 'ignored',
  adaptive_threshold: 'ignored',
  adaptiveThreshold: 'ignored',
  slow_call_threshold: 'ignored',
  slowCallThreshold: 'ignored',
  sliding_window_size: 'ignored',
  slidingWindowSize: 'ignored',
};

/**
 * Legacy defaults of a breaker, in legacy units, and what it counted.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyCircuitDefaults {
  readonly failureThreshold: number;
  readonly recoveryTimeout: number;
  readonly halfOpenMaxCalls: number;
  readonly successThreshold: number;
  /**
   * The legacy breakers recorded every failure, a caller's bug (`permanent`) included;
   * the canonical default counts only what says something about the dependency.
   * @defaultValue false
   */
  readonly countEveryFailure?: boolean;
}

/** `CircuitConfig` defaults: 5 failures, 30 s, 3 half-open calls, 1 success closes. */
export const LEGACY_BREAKER_DEFAULTS: LegacyCircuitDefaults = Object.freeze({
  failureThreshold: 5,
  recoveryTimeout: 30,
  halfOpenMaxCalls: 3,
  successThreshold: 1,
});

/** The failure kinds a legacy breaker counted: every failure of the operation. */
export const EVERY_FAILURE: CircuitBreakerConfig['failureKinds'] = Object.freeze([
  'transient',
  'timeout',
  'rate_limited',
  'overloaded',
  'permanent',
  'deadline_exceeded',
]) as CircuitBreakerConfig['failureKinds'];

/**
 * A converted legacy breaker config.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyCircuitConversion {
  readonly config: CircuitBreakerConfig;
  /** The legacy `name`, when given. */
  readonly name: string | undefined;
  readonly notes: readonly ConversionNote[];
}

const isPositive = (v: unknown, integer: boolean): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v));

/**
 * Converts a legacy breaker config to a canonical consecutive-failure breaker that keeps
 * the legacy behaviour: `failureThreshold` failures in a row open it for a fixed
 * `recoveryTimeout` (no growth, no jitter), `halfOpenMaxCalls` probes at once, and
 * `successThreshold` successful probes close it.
 *
 * @throws {@link RelConfigError} naming every unknown key or bad value.
 * @example
 * ```ts
 * convertLegacyCircuitConfig({ failure_threshold: 3, recovery_timeout: 45 }).config.openMs; // 45000
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function convertLegacyCircuitConfig(
  input: LegacyCircuitConfigInput | undefined,
  defaults: LegacyCircuitDefaults = {
    failureThreshold: 5,
    recoveryTimeout: 30,
    halfOpenMaxCalls: 3,
    successThreshold: 1,
  },
  path = 'circuitBreakerConfig',
): LegacyCircuitConversion {
  const issues: ValidationIssue[] = [];
  const notes: ConversionNote[] = [];
  const values: Partial<Record<Field, unknown>> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    const field = KEYS[key];
    if (field === undefined) {
      const hint = suggest(key, Object.keys(KEYS));
      issues.push({
        path: `${path}.${key}`,
        received: value,
        expected: `a legacy breaker key: ${Object.keys(KEYS).join(', ')}`,
        unknownKey: true,
        ...(hint === undefined ? {} : { suggestion: hint }),
      });
      continue;
    }
    if (value === undefined || value === null) continue;
    if (field === 'ignored') {
      notes.push({
        action: 'ignored',
        legacy: key,
        detail: 'not a setting of the canonical breaker (timeouts belong to the retry config)',
      });
      continue;
    }
    const ok =
      field === 'name'
        ? typeof value === 'string' && value.length > 0
        : isPositive(value, field !== 'recoveryTimeout');
    if (!ok) {
      issues.push({
        path: `${path}.${key}`,
        received: value,
        expected:
          field === 'name'
            ? 'a non-empty string'
            : field === 'recoveryTimeout'
              ? 'a number of seconds > 0'
              : 'an integer > 0',
      });
      continue;
    }
    values[field] = value;
    if (field !== 'name')
      notes.push({ action: 'mapped', legacy: key, detail: `${field} = ${String(value)}` });
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'legacy circuit breaker configuration');
  const pick = (f: Exclude<Field, 'name' | 'ignored'>): number =>
    (values[f] as number | undefined) ?? defaults[f];
  const openMs = Math.round(pick('recoveryTimeout') * 1000);
  const canonical: CircuitBreakerConfigInput = {
    strategy: 'consecutive',
    failureThreshold: pick('failureThreshold'),
    openMs,
    openBackoffMultiplier: 1,
    openJitter: 0,
    maxOpenMs: Math.max(openMs, 300_000),
    halfOpenMaxProbes: pick('halfOpenMaxCalls'),
    successThreshold: pick('successThreshold'),
    ...(defaults.countEveryFailure === true ? { failureKinds: [...EVERY_FAILURE] } : {}),
  };
  return { config: parseCircuitBreakerConfig(canonical), name: values.name as string | undefined, notes };
}

import type { LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import type { ConversionNote } from './conversion-note.js';
import type {
  LegacyField,
  LegacyJitterType,
  LegacyRetrySettings,
  LegacyStrategyName,
} from './legacy-retry-config.js';

/**
 * Every legacy setting with a value: what a legacy handler actually ran with. Seconds.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface ResolvedLegacyRetry {
  /** Total attempts (retries already turned into attempts). */
  readonly maxAttempts: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
  readonly strategy: LegacyStrategyName;
  readonly multiplier: number;
  /** Explicit jitter choice, when one was given. */
  readonly jitterType: LegacyJitterType | undefined;
  readonly jitter: boolean | undefined;
  readonly jitterRange: number;
  /** Overall budget (seconds), or undefined for none. */
  readonly timeoutSeconds: number | undefined;
  readonly retryable: LegacyErrorSet;
  readonly nonRetryable: LegacyErrorSet;
  readonly circuitBreaker:
    | { readonly enabled: false }
    | { readonly enabled: true; readonly failureThreshold: number; readonly recoveryTimeout: number };
}

/** Where each field's value came from: a legacy key, an env variable, or the API's defaults. */
export type FieldSources = Partial<Record<LegacyField, string>>;

/**
 * Merges given settings over an API's legacy defaults with the legacy rules, and notes
 * where every value came from:
 * - attempts: `enabled: false` -> 1; else `maxAttempts` (total); else `maxRetries + 1`;
 * - multiplier: `exponentialBase`, else `backoffMultiplier` (Era A: an explicit 2.0 yields
 *   to `backoffFactor`), else `backoffFactor`;
 * - timeout: `timeoutSecondsFloat`, else `timeoutSeconds`; 0 means none;
 * - a `maxDelay` below `baseDelay` lowers `baseDelay` to it (every legacy delay was then
 *   `maxDelay` anyway, and the canonical config requires max >= base).
 * @internal
 */
export function resolveLegacyRetry(
  given: LegacyRetrySettings,
  sources: FieldSources,
  defaults: LegacyRetrySettings,
  notes: ConversionNote[],
): ResolvedLegacyRetry {
  const from = (field: LegacyField): string => sources[field] ?? 'default';
  const pick = <K extends LegacyField>(field: K): LegacyRetrySettings[K] => given[field] ?? defaults[field];
  const ignore = (field: LegacyField, detail: string): void => {
    if (given[field] !== undefined) notes.push({ action: 'ignored', legacy: from(field), detail });
  };

  let maxAttempts: number;
  if (given.enabled === false) {
    maxAttempts = 1;
    ignore('maxAttempts', 'retries are off (enabled: false)');
    ignore('maxRetries', 'retries are off (enabled: false)');
  } else if (given.maxAttempts !== undefined) {
    maxAttempts = given.maxAttempts;
    ignore('maxRetries', `max_attempts (${given.maxAttempts}) already counts every attempt`);
  } else if (given.maxRetries !== undefined) {
    maxAttempts = given.maxRetries + 1;
  } else {
    maxAttempts = defaults.maxAttempts ?? (defaults.maxRetries ?? 2) + 1;
  }
  ignore('enabled', given.enabled === false ? 'turned into maxAttempts 1' : 'retries on, as by default');

  let multiplierField: LegacyField;
  if (given.exponentialBase !== undefined) multiplierField = 'exponentialBase';
  else if (
    given.backoffMultiplier !== undefined &&
    (given.backoffMultiplier !== 2 || given.backoffFactor === undefined)
  )
    multiplierField = 'backoffMultiplier';
  else if (given.backoffFactor !== undefined) multiplierField = 'backoffFactor';
  else if (defaults.exponentialBase !== undefined) multiplierField = 'exponentialBase';
  else if (defaults.backoffMultiplier !== undefined) multiplierField = 'backoffMultiplier';
  else multiplierField = 'backoffFactor';
  const multiplier = pick(multiplierField) ?? 2;
  for (const other of ['exponentialBase', 'backoffMultiplier', 'backoffFactor'] as const) {
    if (other !== multiplierField)
      ignore(other, `the multiplier is ${multiplier}, from ${from(multiplierField)}`);
  }

  let baseDelay = pick('baseDelay') ?? 1;
  const maxDelay = pick('maxDelay') ?? 60;
  if (maxDelay < baseDelay) {
    notes.push({
      action: 'adjusted',
      legacy: from('baseDelay'),
      canonical: 'baseDelayMs',
      value: maxDelay * 1000,
      detail: `base delay ${baseDelay} s is above the ${maxDelay} s cap, so every legacy delay was ${maxDelay} s; base lowered to the cap`,
    });
    baseDelay = maxDelay;
  }

  const timeout =
    given.timeoutSecondsFloat ??
    given.timeoutSeconds ??
    defaults.timeoutSecondsFloat ??
    defaults.timeoutSeconds;
  if (given.timeoutSecondsFloat !== undefined)
    ignore('timeoutSeconds', 'timeout_seconds_float wins (Era A rule)');
  ignore('metricsEnabled', 'not used by any legacy logic; canonical metrics are always on (@rel/health)');

  // Era A stored `retryable_exceptions: []` by default, meaning "the handler's defaults".
  let retryable = pick('retryableExceptions');
  if (given.retryableExceptions !== undefined && given.retryableExceptions.length === 0) {
    notes.push({
      action: 'ignored',
      legacy: from('retryableExceptions'),
      detail: 'an empty list meant the default set',
    });
    retryable = defaults.retryableExceptions;
  }

  const breakerOn = pick('circuitBreakerEnabled') === true;
  if (!breakerOn) {
    ignore('circuitBreakerFailureThreshold', 'no breaker (circuit_breaker_enabled is off)');
    ignore('circuitBreakerRecoveryTimeout', 'no breaker (circuit_breaker_enabled is off)');
  }

  return {
    maxAttempts,
    baseDelay,
    maxDelay,
    strategy: pick('strategy') ?? 'exponential',
    multiplier,
    jitterType: pick('jitterType'),
    jitter: pick('jitter'),
    jitterRange: pick('jitterRange') ?? 0.1,
    timeoutSeconds: timeout === undefined || timeout === 0 ? undefined : timeout,
    retryable: retryable ?? ['Exception'],
    nonRetryable: pick('nonRetryableExceptions') ?? [],
    circuitBreaker: breakerOn
      ? {
          enabled: true,
          failureThreshold: pick('circuitBreakerFailureThreshold') ?? 5,
          recoveryTimeout: pick('circuitBreakerRecoveryTimeout') ?? 30,
        }
      : { enabled: false },
  };
}

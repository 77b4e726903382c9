import { RelConfigError, type ValidationIssue } from '@rel/config';
import { useLegacy } from '../deprecation/warn-once.js';
import type { ConversionNote } from './conversion-note.js';
import { hasLegacyRetryEnv, readLegacyRetryEnv } from './env-overrides.js';
import type { LegacyRetryConfigInput, LegacyRetrySettings } from './legacy-retry-config.js';
import { readLegacyRetryConfig } from './read-legacy-config.js';
import { resolveLegacyRetry, type ResolvedLegacyRetry } from './resolve-legacy.js';
import { toCanonicalRetry, type CanonicalRetry, type ToCanonicalOptions } from './to-canonical.js';

/**
 * Defaults of the legacy unified handler's `RetryConfig` (the legacy single source of
 * truth): 3 attempts, 1 s exponential x2 up to 60 s, no jitter, every exception retried,
 * no breaker (threshold 5 / 30 s when switched on).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const LEGACY_UNIFIED_DEFAULTS: LegacyRetrySettings = Object.freeze({
  maxAttempts: 3,
  baseDelay: 1,
  maxDelay: 60,
  strategy: 'exponential',
  backoffMultiplier: 2,
  jitterRange: 0.1,
  retryableExceptions: ['Exception'],
  nonRetryableExceptions: [],
  circuitBreakerEnabled: false,
  circuitBreakerFailureThreshold: 5,
  circuitBreakerRecoveryTimeout: 30,
});

/**
 * Options of {@link convertLegacyRetryConfig}.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface ConvertLegacyOptions extends ToCanonicalOptions {
  /**
   * The legacy API's defaults for fields the config does not set, in legacy form.
   * @defaultValue {@link LEGACY_UNIFIED_DEFAULTS}
   */
  readonly defaults?: LegacyRetrySettings;
  /**
   * An environment whose legacy `RETRY_*` overrides win over the config (as in the legacy
   * unified handler; they emit their own deprecation warning, `REL_DEP015`). Omit it for
   * APIs that never read the environment. The config object itself is never modified.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Names the input in error messages. @defaultValue `'config'` */
  readonly path?: string;
}

/**
 * A conversion, plus the resolved legacy settings behind it (seconds).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyConversion extends CanonicalRetry {
  /** What the legacy handler would have run with, after defaults and env overrides. */
  readonly legacy: ResolvedLegacyRetry;
}

/**
 * The one place where legacy retry configurations become canonical ones. Accepts the
 * unified handler's `RetryConfig`, the shared `RetryConfig` of either era and the other
 * legacy shapes, in snake_case or camelCase (see {@link LegacyRetryConfigInput}), and
 * returns the canonical `RetryConfig` (ms, total attempts), the legacy breaker as a
 * canonical `CircuitBreakerConfig` (or `false`), and a note for every field mapped,
 * defaulted, adjusted or ignored, so a migration can be checked.
 *
 * Fields not given take the legacy unified handler's defaults ({@link LEGACY_UNIFIED_DEFAULTS}).
 *
 * @throws {@link RelConfigError} listing every unknown key (with a "did you mean"), bad
 * value, conflicting spelling and bad `RETRY_*` variable, each with the value and what is allowed.
 * @example
 * ```ts
 * const { config, notes } = convertLegacyRetryConfig({ max_retries: 2, base_delay: 0.5, backoff_factor: 3 });
 * config.maxAttempts; // 3 (2 retries + the first attempt)
 * config.baseDelayMs; // 500
 * logger.info(formatConversionNotes(notes)); // your pino logger
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function convertLegacyRetryConfig(
  legacy: LegacyRetryConfigInput | undefined,
  options: ConvertLegacyOptions = {},
): LegacyConversion {
  const issues: ValidationIssue[] = [];
  const path = options.path ?? 'config';
  const read = readLegacyRetryConfig(legacy, path, issues);
  let settings: LegacyRetrySettings = read.settings;
  let sources: Record<string, string> = { ...read.sources };
  const notes: ConversionNote[] = [];
  if (options.env !== undefined && hasLegacyRetryEnv(options.env)) {
    useLegacy('REL_DEP015');
    const env = readLegacyRetryEnv(options.env, issues);
    for (const [field, variable] of Object.entries(env.sources)) {
      const was = read.sources[field as keyof typeof read.sources];
      if (was !== undefined) {
        notes.push({ action: 'ignored', legacy: was, detail: `overridden by the environment (${variable})` });
      }
    }
    // A new object: the caller's config (possibly a shared policy constant) is never touched.
    settings = { ...settings, ...env.settings };
    sources = { ...sources, ...env.sources };
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'legacy retry configuration');
  return convertLegacySettings(settings, sources, notes, options);
}

/**
 * The second half of {@link convertLegacyRetryConfig}, for legacy APIs that read their
 * config themselves: resolves validated settings over the API's defaults and builds the
 * canonical configuration, appending to `notes`.
 * @internal
 */
export function convertLegacySettings(
  settings: LegacyRetrySettings,
  sources: Readonly<Record<string, string>>,
  notes: ConversionNote[],
  options: ConvertLegacyOptions = {},
): LegacyConversion {
  const resolved = resolveLegacyRetry(settings, sources, options.defaults ?? LEGACY_UNIFIED_DEFAULTS, notes);
  const canonical = toCanonicalRetry(resolved, sources, notes, options);
  return { ...canonical, legacy: resolved };
}

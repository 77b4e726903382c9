import { suggest, type ValidationIssue } from '@rel/config';
import type { ConversionNote } from './conversion-note.js';
import {
  LEGACY_FIELD_ALIASES,
  LEGACY_JITTER_TYPES,
  LEGACY_STRATEGIES,
  type LegacyField,
  type LegacyRetrySettings,
} from './legacy-retry-config.js';

/** Every accepted key, for "unknown key" messages. */
const ALL_KEYS: readonly string[] = Object.values(LEGACY_FIELD_ALIASES).flat();
const KEY_TO_FIELD = new Map<string, LegacyField>(
  (Object.entries(LEGACY_FIELD_ALIASES) as [LegacyField, readonly string[]][]).flatMap(([field, keys]) =>
    keys.map((k) => [k, field] as const),
  ),
);

type Check = (value: unknown) => string | undefined;

const number =
  (min: number, max: number, integer = false): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))
      ? undefined
      : `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`;
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v.toLowerCase())
      ? undefined
      : `one of ${values.map((x) => `"${x}"`).join(' | ')}`;
const errorSet: Check = (v) =>
  Array.isArray(v) ? undefined : 'an array of error classes, predicates or exception names';

/** Validation of each field, in legacy units (seconds). */
const CHECKS: Readonly<Record<LegacyField, Check>> = {
  maxAttempts: number(1, 100, true),
  maxRetries: number(0, 99, true),
  baseDelay: number(0, 86_400),
  maxDelay: number(0, 86_400),
  strategy: oneOf(LEGACY_STRATEGIES),
  backoffMultiplier: number(1, 100),
  backoffFactor: number(1, 100),
  exponentialBase: number(1, 100),
  jitter: boolean,
  jitterType: oneOf(LEGACY_JITTER_TYPES),
  jitterRange: number(0, 1),
  timeoutSeconds: number(0, 86_400),
  timeoutSecondsFloat: number(0, 86_400),
  retryableExceptions: errorSet,
  nonRetryableExceptions: errorSet,
  circuitBreakerEnabled: boolean,
  circuitBreakerFailureThreshold: number(1, 1_000, true),
  circuitBreakerRecoveryTimeout: number(0.001, 86_400),
  metricsEnabled: boolean,
  enabled: boolean,
};

/** Which key supplied each field, for the conversion notes. */
export type LegacyKeySources = Partial<Record<LegacyField, string>>;

/** The result of {@link readLegacyRetryConfig}. */
export interface ReadLegacyResult {
  /** The fields that were set, one spelling each, validated, in legacy units. */
  readonly settings: LegacyRetrySettings;
  /** The key each field came from (e.g. `baseDelay` <- `base_delay_seconds`). */
  readonly sources: LegacyKeySources;
}

/**
 * Reads a legacy retry configuration in any spelling (snake_case or camelCase, either
 * era) into one {@link LegacyRetrySettings}, without converting anything yet. `null`
 * means "not set" (as the legacy models' `Optional` fields did). Problems (an unknown key,
 * a bad value, one field given twice with different values) are appended to `issues`,
 * each naming the key as the caller wrote it, the value and what is allowed.
 *
 * @param input - the legacy object (a plain object or an instance with own fields).
 * @param path - prefix of each issue path (e.g. `config`).
 * @param issues - where problems go.
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * readLegacyRetryConfig({ max_retries: 2, baseDelay: 0.5 }, 'config', issues).settings; // { maxRetries: 2, baseDelay: 0.5 }
 * ```
 */
export function readLegacyRetryConfig(
  input: unknown,
  path: string,
  issues: ValidationIssue[],
): ReadLegacyResult {
  const settings: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  if (input === undefined || input === null) return { settings, sources };
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ path: path || '(root)', received: input, expected: 'a legacy retry config object' });
    return { settings, sources };
  }
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  for (const [key, value] of Object.entries(input)) {
    const field = KEY_TO_FIELD.get(key);
    if (field === undefined) {
      const hint = suggest(key, ALL_KEYS);
      issues.push({
        path: at(key),
        received: value,
        expected: `a legacy retry config key: ${ALL_KEYS.join(', ')}`,
        unknownKey: true,
        ...(hint === undefined ? {} : { suggestion: hint }),
      });
      continue;
    }
    if (value === undefined || value === null) continue;
    const problem = CHECKS[field](value);
    if (problem !== undefined) {
      issues.push({ path: at(key), received: value, expected: problem });
      continue;
    }
    const normal: unknown = typeof value === 'string' ? value.toLowerCase() : value;
    const earlier = sources[field];
    if (earlier !== undefined && settings[field] !== normal) {
      issues.push({
        path: at(key),
        received: value,
        expected: `the same value as ${at(earlier)} (${String(settings[field])}): both set ${field}`,
      });
      continue;
    }
    settings[field] = normal;
    sources[field] = key;
  }
  return { settings: settings, sources: sources };
}

/**
 * Keeps only the fields a legacy API used; every other field that was set becomes an
 * `ignored` note naming the API (the legacy classes read a few fields of a shared config
 * and silently ignored the rest).
 * @internal
 */
export function keepLegacyFields(
  read: ReadLegacyResult,
  used: readonly LegacyField[],
  api: string,
  notes: ConversionNote[],
): ReadLegacyResult {
  const settings: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [field, key] of Object.entries(read.sources) as [LegacyField, string][]) {
    if (used.includes(field)) {
      settings[field] = read.settings[field];
      sources[field] = key;
    } else {
      notes.push({ action: 'ignored', legacy: key, detail: `${api} does not use it` });
    }
  }
  return { settings: settings, sources: sources };
}

import { RelConfigError, systemRandom, type Random, type ValidationIssue } from '@rel/config';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { convertLegacySettings, type LegacyConversion } from '../legacy-config/convert.js';
import type { LegacyField, LegacyRetrySettings } from '../legacy-config/legacy-retry-config.js';
import { keepLegacyFields, readLegacyRetryConfig } from '../legacy-config/read-legacy-config.js';
import { oneSpelling } from '../legacy-config/spellings.js';
import { compileLegacyErrorSet, type LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import { RESILIENCE_STRATEGY_VALUES, type BackoffStrategy } from './backoff-strategy.js';
import type { JitterType } from './jitter-type.js';
import { resilienceDelay } from './resilience-delay.js';
import { UseScope } from '../deprecation/use-scope.js';

/**
 * What `new RetryConfig(...)` takes: the legacy pydantic fields in snake_case (as stored
 * in JSON) or camelCase (as the TypeScript ports wrote them). Times are **seconds**;
 * `max_attempts` counts every attempt. At the package root it is `ResilienceRetryConfigInput`.
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP064).
 */
export interface RetryConfigInput {
  /** Total attempts, the first included. @defaultValue 3 */
  readonly max_attempts?: number;
  readonly maxAttempts?: number;
  /** First delay (seconds). @defaultValue 1.0 */
  readonly base_delay_seconds?: number;
  readonly baseDelaySeconds?: number;
  /** Cap on every delay (seconds). @defaultValue 60.0 */
  readonly max_delay_seconds?: number;
  readonly maxDelaySeconds?: number;
  /** A {@link BackoffStrategy} value (any case). @defaultValue `'exponential'` */
  readonly backoff_strategy?: BackoffStrategy | Uppercase<BackoffStrategy>;
  readonly backoffStrategy?: BackoffStrategy | Uppercase<BackoffStrategy>;
  /** Growth factor of `exponential`. @defaultValue 2.0 */
  readonly backoff_multiplier?: number;
  readonly backoffMultiplier?: number;
  /** A {@link JitterType} value (any case). @defaultValue `'equal'` (±10 % here) */
  readonly jitter_type?: JitterType | Uppercase<JitterType>;
  readonly jitterType?: JitterType | Uppercase<JitterType>;
  /** `false` runs the function once, without retries. @defaultValue true */
  readonly enabled?: boolean;
  /** What is retried (classes, predicates or exception names); `null` or empty: everything. @defaultValue null */
  readonly retry_on_exceptions?: LegacyErrorSet | null;
  readonly retryOnExceptions?: LegacyErrorSet | null;
}

/** The legacy fields this config has (in the shared reader's vocabulary). */
const FIELDS: readonly LegacyField[] = [
  'maxAttempts',
  'baseDelay',
  'maxDelay',
  'strategy',
  'backoffMultiplier',
  'jitterType',
  'enabled',
];

/** The legacy defaults (§2.9), in the shared reader's vocabulary. @internal */
export const RESILIENCE_DEFAULTS: LegacyRetrySettings = Object.freeze({
  maxAttempts: 3,
  baseDelay: 1.0,
  maxDelay: 60.0,
  strategy: 'exponential',
  backoffMultiplier: 2.0,
  jitterType: 'equal',
  retryableExceptions: ['Exception'],
});

// Presets and configs the compat layer builds are not a use of the name `RetryConfig`.
const scope = new UseScope();

/** A config built without counting a use of `RetryConfig` (presets, plain objects). @internal */
export function quietResilienceConfig(code: DeprecationCode, init: RetryConfigInput): RetryConfig {
  return scope.run(code, () => new RetryConfig(init));
}

/**
 * The pydantic `RetryConfig` of the legacy `core/resilience/retry_manager` (not the
 * unified handler's, nor the shared schema's). Seconds; `maxAttempts` counts every
 * attempt. Frozen: `copy(changes)` returns a new one (pydantic's `model_copy(update=...)`).
 * At the package root it is `ResilienceRetryConfig`.
 *
 * | field | default |
 * | --- | --- |
 * | maxAttempts | 3 |
 * | baseDelaySeconds / maxDelaySeconds | 1.0 / 60.0 |
 * | backoffStrategy | `'exponential'` |
 * | backoffMultiplier | 2.0 |
 * | jitterType | `'equal'` (±10 % in this module) |
 * | enabled | true (`false`: one attempt) |
 * | retryOnExceptions | null (every error is retried) |
 *
 * @throws {@link RelConfigError} naming every unknown key, bad value or strategy (the
 * legacy model dropped unknown keys silently).
 * @deprecated Use `RetryConfig` from `@rel/config` (`parseRetryConfig`; times in ms).
 * Removed in 2.0.0 (REL_DEP064).
 * @example
 * ```ts
 * const config = new RetryConfig({ max_attempts: 5, base_delay_seconds: 0.5, jitter_type: 'none' });
 * await new UnifiedRetryManager(config).executeWithRetry(fetchUser, id);
 * ```
 */
export class RetryConfig {
  readonly maxAttempts: number;
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
  readonly backoffStrategy: BackoffStrategy;
  readonly backoffMultiplier: number;
  readonly jitterType: JitterType;
  readonly enabled: boolean;
  /** What is retried; `null` means every error. */
  readonly retryOnExceptions: LegacyErrorSet | null;
  /** The key each given field came from, for the conversion notes. @internal */
  declare readonly sources: Readonly<Record<string, string>>;
  /** The code a use of this object counts under (the class, or a preset). @internal */
  declare readonly deprecationCode: DeprecationCode;

  constructor(init: RetryConfigInput = {}) {
    const code = scope.code ?? 'REL_DEP064';
    if (scope.code === undefined) useLegacy('REL_DEP064');
    const issues: ValidationIssue[] = [];
    const { retry_on_exceptions, retryOnExceptions, ...rest } = init ?? {};
    const retryOn = oneSpelling(retryOnExceptions, retry_on_exceptions, 'retry_on_exceptions', 'RetryConfig');
    if (retryOn !== undefined && retryOn !== null) compileLegacyErrorSet(retryOn, 'retry_on_exceptions');
    const read = readLegacyRetryConfig(rest, '', issues);
    const kept = keepLegacyFields(read, FIELDS, 'the resilience RetryConfig', []);
    for (const [field, key] of Object.entries(read.sources)) {
      if (!FIELDS.includes(field as LegacyField)) {
        issues.push({
          path: key,
          received: (rest as Record<string, unknown>)[key],
          expected: `a field of the resilience RetryConfig: max_attempts, base_delay_seconds, max_delay_seconds, backoff_strategy, backoff_multiplier, jitter_type, enabled, retry_on_exceptions`,
          unknownKey: true,
        });
      }
    }
    const strategy = kept.settings.strategy ?? 'exponential';
    if (!(RESILIENCE_STRATEGY_VALUES as readonly string[]).includes(strategy)) {
      issues.push({
        path: kept.sources.strategy ?? 'backoff_strategy',
        received: strategy,
        expected: `one of ${RESILIENCE_STRATEGY_VALUES.map((v) => `"${v}"`).join(' | ')}`,
      });
    }
    if (issues.length > 0) throw new RelConfigError(issues, 'RetryConfig');
    const s = { ...RESILIENCE_DEFAULTS, ...kept.settings };
    this.maxAttempts = s.maxAttempts!;
    this.baseDelaySeconds = s.baseDelay!;
    this.maxDelaySeconds = s.maxDelay!;
    this.backoffStrategy = strategy as BackoffStrategy;
    this.backoffMultiplier = s.backoffMultiplier!;
    this.jitterType = s.jitterType as JitterType;
    this.enabled = s.enabled ?? true;
    this.retryOnExceptions = retryOn === undefined || retryOn === null ? null : Object.freeze([...retryOn]);
    const sources: Record<string, string> = { ...kept.sources };
    if (retryOn !== undefined && retryOn !== null)
      sources.retryableExceptions =
        retryOnExceptions === undefined ? 'retry_on_exceptions' : 'retryOnExceptions';
    Object.defineProperty(this, 'sources', { value: Object.freeze(sources), enumerable: false });
    Object.defineProperty(this, 'deprecationCode', { value: code, enumerable: false });
    Object.freeze(this);
  }

  /** A new config with `changes` applied (camelCase or snake_case); this one is unchanged. */
  copy(changes: RetryConfigInput = {}): RetryConfig {
    useLegacy(this.deprecationCode);
    const merged: Record<string, unknown> = {
      maxAttempts: this.maxAttempts,
      baseDelaySeconds: this.baseDelaySeconds,
      maxDelaySeconds: this.maxDelaySeconds,
      backoffStrategy: this.backoffStrategy,
      backoffMultiplier: this.backoffMultiplier,
      jitterType: this.jitterType,
      enabled: this.enabled,
      retryOnExceptions: this.retryOnExceptions,
    };
    // One spelling per field, so a snake_case change replaces the camelCase value.
    for (const [key, value] of Object.entries(changes ?? {}))
      merged[key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())] = value;
    return quietResilienceConfig(this.deprecationCode, merged);
  }

  /**
   * The canonical configuration a manager runs this config with, and how each field
   * mapped (the delays are the legacy formula, as a `custom` backoff).
   * @param random - the jitter source. @defaultValue `Math.random`
   */
  toCanonical(random: Random = systemRandom): LegacyConversion {
    return convertResilienceConfig(this, random);
  }
}

/** The canonical conversion of a resilience `RetryConfig`, its delays drawn from `random`. @internal */
export function convertResilienceConfig(c: RetryConfig, random: Random): LegacyConversion {
  const settings: LegacyRetrySettings = {
    maxAttempts: c.maxAttempts,
    baseDelay: c.baseDelaySeconds,
    maxDelay: c.maxDelaySeconds,
    strategy: c.backoffStrategy,
    backoffMultiplier: c.backoffMultiplier,
    jitterType: c.jitterType,
    enabled: c.enabled,
    // The legacy test was `if retry_on_exceptions and not isinstance(...)`: empty means everything.
    retryableExceptions: c.retryOnExceptions ?? ['Exception'],
  };
  return convertLegacySettings(settings, c.sources, [], {
    defaults: RESILIENCE_DEFAULTS,
    formula: (r) => {
      const input = {
        strategy: c.backoffStrategy,
        jitter: c.jitterType,
        baseDelay: r.baseDelay,
        maxDelay: r.maxDelay,
        multiplier: r.multiplier,
      };
      return {
        describe: `resilience retry_manager ${c.backoffStrategy} with ${c.jitterType} jitter${c.jitterType === 'equal' ? ' (±10 %)' : ''}, cap ${r.maxDelay} s`,
        delayMs: (n) => resilienceDelay(input, n, random) * 1000,
        maxDelayMs: r.maxDelay * 1000,
      };
    },
  });
}

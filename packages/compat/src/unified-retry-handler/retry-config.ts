import { RelConfigError, type ValidationIssue } from '@rel/config';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import {
  convertLegacyRetryConfig,
  LEGACY_UNIFIED_DEFAULTS,
  type LegacyConversion,
} from '../legacy-config/convert.js';
import type { LegacyField, LegacyRetryConfigInput } from '../legacy-config/legacy-retry-config.js';
import { keepLegacyFields, readLegacyRetryConfig } from '../legacy-config/read-legacy-config.js';
import type { LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import { UNIFIED_STRATEGY_VALUES, type RetryStrategy } from './retry-strategy-enum.js';
import { UseScope } from '../deprecation/use-scope.js';

/** The fields of the unified handler's config. */
const FIELDS: readonly LegacyField[] = [
  'maxAttempts',
  'baseDelay',
  'maxDelay',
  'strategy',
  'backoffMultiplier',
  'jitterRange',
  'timeoutSeconds',
  'retryableExceptions',
  'nonRetryableExceptions',
  'circuitBreakerEnabled',
  'circuitBreakerFailureThreshold',
  'circuitBreakerRecoveryTimeout',
  'metricsEnabled',
];

// Policy constants are built when the module loads; that is not a use.
const scope = new UseScope();

/**
 * Builds a config without counting a use of the name `RetryConfig`: policy constants (a
 * handler that runs one counts a use of its own code) and configs the compat layer makes
 * from plain objects. @internal
 */
export function quietConfig(code: DeprecationCode, init: LegacyRetryConfigInput): RetryConfig {
  return scope.run(code, () => new RetryConfig(init));
}

/**
 * The legacy unified handler's `RetryConfig` dataclass (seconds; `maxAttempts` counts
 * every attempt). Frozen: `copy(changes)` returns a new one (Python's `replace`). Accepts
 * camelCase or snake_case. At the package root it is `UnifiedRetryConfig`.
 *
 * | field | default |
 * | --- | --- |
 * | maxAttempts | 3 |
 * | baseDelay / maxDelay | 1.0 / 60.0 s |
 * | strategy | `'exponential'` |
 * | backoffMultiplier / jitterRange | 2.0 / 0.1 |
 * | timeoutSeconds | null (no overall budget) |
 * | retryableExceptions / nonRetryableExceptions | `['Exception']` / `[]` |
 * | circuitBreakerEnabled / FailureThreshold / RecoveryTimeout | false / 5 / 30.0 s |
 * | metricsEnabled | true (unused, as in legacy) |
 *
 * @deprecated Use `RetryConfig` from `@rel/config` (`parseRetryConfig`; times in ms), and
 * a reliability profile's `circuitBreaker` for the breaker fields. Removed in 2.0.0 (REL_DEP018).
 * @example
 * ```ts
 * const config = new RetryConfig({ max_attempts: 5, base_delay: 0.5, strategy: 'exponential_jitter' });
 * new UnifiedRetryHandler('payments', config.copy({ timeoutSeconds: 10 }));
 * ```
 */
export class RetryConfig {
  readonly maxAttempts: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
  readonly strategy: RetryStrategy;
  readonly backoffMultiplier: number;
  readonly jitterRange: number;
  readonly timeoutSeconds: number | null;
  readonly retryableExceptions: LegacyErrorSet;
  readonly nonRetryableExceptions: LegacyErrorSet;
  readonly circuitBreakerEnabled: boolean;
  readonly circuitBreakerFailureThreshold: number;
  readonly circuitBreakerRecoveryTimeout: number;
  readonly metricsEnabled: boolean;
  /** The deprecation code a use of this object counts under (the class, or a policy constant). @internal */
  declare readonly deprecationCode: DeprecationCode;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(init: LegacyRetryConfigInput = {}) {
    Object.defineProperty(this, 'deprecationCode', { value: scope.code ?? 'REL_DEP018', enumerable: false });
    if (scope.code === undefined) useLegacy('REL_DEP018');
    const issues: ValidationIssue[] = [];
    const read = readLegacyRetryConfig(init, 'config', issues);
    const kept = keepLegacyFields(read, FIELDS, 'the unified RetryConfig', []);
    for (const [field, key] of Object.entries(read.sources)) {
      if (!FIELDS.includes(field as LegacyField)) {
        issues.push({
          path: key,
          received: (init as Record<string, unknown>)[key],
          expected: `a field of the unified RetryConfig: ${FIELDS.join(', ')}`,
          unknownKey: true,
        });
      }
    }
    const strategy = kept.settings.strategy ?? 'exponential';
    if (!(UNIFIED_STRATEGY_VALUES as readonly string[]).includes(strategy)) {
      issues.push({
        path: kept.sources.strategy ?? 'strategy',
        received: strategy,
        expected: `one of ${UNIFIED_STRATEGY_VALUES.map((v) => `"${v}"`).join(' | ')}`,
      });
    }
    if (issues.length > 0) throw new RelConfigError(issues, 'RetryConfig');
    const s = { ...LEGACY_UNIFIED_DEFAULTS, ...kept.settings };
    this.maxAttempts = s.maxAttempts!;
    this.baseDelay = s.baseDelay!;
    this.maxDelay = s.maxDelay!;
    this.strategy = strategy as RetryStrategy;
    this.backoffMultiplier = s.backoffMultiplier!;
    this.jitterRange = s.jitterRange!;
    this.timeoutSeconds = s.timeoutSeconds ?? null;
    this.retryableExceptions = Object.freeze([...(s.retryableExceptions ?? ['Exception'])]);
    this.nonRetryableExceptions = Object.freeze([...(s.nonRetryableExceptions ?? [])]);
    this.circuitBreakerEnabled = s.circuitBreakerEnabled ?? false;
    this.circuitBreakerFailureThreshold = s.circuitBreakerFailureThreshold ?? 5;
    this.circuitBreakerRecoveryTimeout = s.circuitBreakerRecoveryTimeout ?? 30;
    this.metricsEnabled = s.metricsEnabled ?? true;
    Object.freeze(this);
  }

  /** A new config with `changes` applied (camelCase or snake_case); this one is unchanged. */
  copy(changes: LegacyRetryConfigInput = {}): RetryConfig {
    useLegacy(this.deprecationCode);
    const own = { ...this } as unknown as Record<string, unknown>;
    const issues: ValidationIssue[] = [];
    const read = readLegacyRetryConfig(changes, 'changes', issues);
    if (issues.length > 0) throw new RelConfigError(issues, 'RetryConfig.copy');
    for (const [field, key] of Object.entries(read.sources)) {
      own[field] = (changes as Record<string, unknown>)[key];
    }
    return quietConfig(this.deprecationCode, own);
  }

  /** The canonical configuration (without environment overrides) and how each field mapped. */
  toCanonical(): LegacyConversion {
    return convertLegacyRetryConfig(this);
  }
}

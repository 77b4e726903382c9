import { RelConfigError, type ValidationIssue } from '@rel/config';
import type { ConversionNote } from '../legacy-config/conversion-note.js';
import type {
  LegacyField,
  LegacyJitterType,
  LegacyRetryConfigInput,
  LegacyStrategyName,
} from '../legacy-config/legacy-retry-config.js';
import { keepLegacyFields, readLegacyRetryConfig } from '../legacy-config/read-legacy-config.js';

/**
 * The shared Era A `RetryConfig` as this family read it, resolved: snake_case, as legacy
 * code read `strategy.config.max_retries`. Seconds; `max_retries` counts retries.
 * @deprecated Use `RetryConfig` from `@rel/config` (ms, `maxAttempts` = retries + 1). Removed in 2.0.0 (REL_DEP048).
 */
export interface StrategyRetryConfig {
  /** Retries after the first attempt. @defaultValue 3 */
  readonly max_retries: number;
  /** Delay unit (seconds). @defaultValue 1.0 */
  readonly base_delay: number;
  /** Cap on every delay, jitter included (seconds). @defaultValue 300.0 */
  readonly max_delay: number;
  /** `exponential`, `linear`, `fibonacci`; anything else (`fixed`, ...) is `base_delay`. @defaultValue 'exponential' */
  readonly backoff_strategy: LegacyStrategyName;
  /** `none`, `full`, `equal` or `decorrelated`. @defaultValue 'full' */
  readonly jitter_type: LegacyJitterType;
}

/**
 * A shared legacy `RetryConfig` in any spelling (see `LegacyRetryConfigInput`); this
 * family reads `max_retries`, `base_delay`, `max_delay`, `backoff_strategy` and
 * `jitter_type`, and notes every other field given as ignored (as the legacy strategies
 * ignored them: `max_attempts` and `backoff_factor` included).
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms). Removed in 2.0.0 (REL_DEP048).
 */
export type StrategyConfigInput = LegacyRetryConfigInput;

/** The Era A shared `RetryConfig` defaults of the fields this family reads. */
export const ERA_A_DEFAULTS: StrategyRetryConfig = Object.freeze({
  max_retries: 3,
  base_delay: 1,
  max_delay: 300,
  backoff_strategy: 'exponential',
  jitter_type: 'full',
});

const USED: readonly LegacyField[] = ['maxRetries', 'baseDelay', 'maxDelay', 'strategy', 'jitterType'];

/** A read config and the fields it ignored. @internal */
export interface ReadStrategyConfig {
  readonly config: StrategyRetryConfig;
  /** Which key set each field (for conversion notes). */
  readonly sources: Readonly<Record<string, string>>;
  readonly notes: readonly ConversionNote[];
}

/**
 * Reads a shared legacy config (either spelling) over the Era A defaults, optionally with
 * the strategy and jitter of an `EnhancedRetryConfig` on top. @internal
 * @throws {@link RelConfigError} naming every unknown key or bad value.
 */
export function readStrategyConfig(
  input: StrategyConfigInput | undefined,
  path: string,
  overrides: { readonly strategy?: LegacyStrategyName; readonly jitterType?: LegacyJitterType } = {},
): ReadStrategyConfig {
  const issues: ValidationIssue[] = [];
  const notes: ConversionNote[] = [];
  const read = keepLegacyFields(
    readLegacyRetryConfig(input, path, issues),
    USED,
    'this strategy family',
    notes,
  );
  if (issues.length > 0) throw new RelConfigError(issues, 'retry strategy configuration');
  const s = { ...read.settings, ...overrides };
  const sources: Record<string, string> = { ...read.sources };
  if (overrides.strategy !== undefined) sources.strategy = 'EnhancedRetryConfig.backoff_strategy';
  if (overrides.jitterType !== undefined) sources.jitterType = 'EnhancedRetryConfig.jitter_type';
  const config: StrategyRetryConfig = Object.freeze({
    max_retries: s.maxRetries ?? ERA_A_DEFAULTS.max_retries,
    base_delay: s.baseDelay ?? ERA_A_DEFAULTS.base_delay,
    max_delay: s.maxDelay ?? ERA_A_DEFAULTS.max_delay,
    backoff_strategy: s.strategy ?? ERA_A_DEFAULTS.backoff_strategy,
    jitter_type: s.jitterType ?? ERA_A_DEFAULTS.jitter_type,
  });
  return { config, sources, notes };
}

import { RelConfigError, type ValidationIssue } from '@rel/config';
import { useLegacy } from '../deprecation/warn-once.js';
import { oneSpelling } from '../legacy-config/spellings.js';
import {
  LEGACY_JITTER_TYPES,
  LEGACY_STRATEGIES,
  type LegacyJitterType,
  type LegacyStrategyName,
} from '../legacy-config/legacy-retry-config.js';
import { readStrategyConfig, type ReadStrategyConfig, type StrategyConfigInput } from './strategy-config.js';

/**
 * What `new EnhancedRetryConfig(...)` takes (snake_case, as the legacy dataclass's keyword
 * arguments, or camelCase).
 * @deprecated Use `RetryConfigInput` from `@rel/config` (`backoff`, `jitter`, ms). Removed in 2.0.0 (REL_DEP048).
 */
export interface EnhancedRetryConfigInit {
  /** The shared legacy `RetryConfig` (any spelling, seconds). @defaultValue the Era A defaults */
  readonly base_config?: StrategyConfigInput;
  readonly baseConfig?: StrategyConfigInput;
  /** @defaultValue 'exponential' */
  readonly backoff_strategy?: string;
  readonly backoffStrategy?: string;
  /** @defaultValue 'full' */
  readonly jitter_type?: string;
  readonly jitterType?: string;
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  path: string,
  issues: ValidationIssue[],
): T {
  const v = value.toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  issues.push({ path, received: value, expected: allowed.map((a) => `"${a}"`).join(' | ') });
  return allowed[0]!;
}

/**
 * The Era A `EnhancedRetryConfig` dataclass: a shared `RetryConfig` plus a backoff strategy
 * and a jitter type. Any strategy of this family accepts one in place of a `RetryConfig`:
 * it then runs with the base config's numbers and these two choices (the legacy strategies
 * read `config.base_delay` and crashed with `AttributeError` when given one).
 *
 * @deprecated Use a `RetryConfig` from `@rel/config` (`backoff`: `'exponential' | 'linear'
 * | 'fibonacci' | 'fixed'`, `jitter`: `'full' | 'equal' | 'none'`, times in ms,
 * `maxAttempts` = retries + 1). Removed in 2.0.0 (REL_DEP048).
 * @example
 * ```ts
 * const config = new EnhancedRetryConfig({ base_config: { max_retries: 2, base_delay: 0.5 }, backoff_strategy: 'linear', jitter_type: 'none' });
 * new DatabaseRetryStrategy(config).getRetryDelay(1); // 1.0 (0.5 * 2)
 * ```
 */
export class EnhancedRetryConfig {
  /** The shared config, as given. */
  readonly baseConfig: StrategyConfigInput;
  readonly backoffStrategy: LegacyStrategyName;
  readonly jitterType: LegacyJitterType;
  /** @internal */
  readonly resolved: ReadStrategyConfig;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(init: EnhancedRetryConfigInit = {}) {
    useLegacy('REL_DEP048');
    const subject = 'EnhancedRetryConfig';
    const issues: ValidationIssue[] = [];
    this.baseConfig = oneSpelling(init.baseConfig, init.base_config, 'base_config', subject) ?? {};
    const strategy = oneSpelling(init.backoffStrategy, init.backoff_strategy, 'backoff_strategy', subject);
    const jitter = oneSpelling(init.jitterType, init.jitter_type, 'jitter_type', subject);
    this.backoffStrategy = oneOf(strategy ?? 'exponential', LEGACY_STRATEGIES, 'backoff_strategy', issues);
    this.jitterType = oneOf(jitter ?? 'full', LEGACY_JITTER_TYPES, 'jitter_type', issues);
    if (issues.length > 0) throw new RelConfigError(issues, subject);
    this.resolved = readStrategyConfig(this.baseConfig, 'base_config', {
      strategy: this.backoffStrategy,
      jitterType: this.jitterType,
    });
  }
}

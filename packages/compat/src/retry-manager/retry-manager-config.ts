import { RelConfigError, type Random, type ValidationIssue } from '@rel/config';
import type { ConversionNote } from '../legacy-config/conversion-note.js';
import { convertLegacySettings, type LegacyConversion } from '../legacy-config/convert.js';
import type {
  LegacyField,
  LegacyRetryConfigInput,
  LegacyRetrySettings,
} from '../legacy-config/legacy-retry-config.js';
import type { ReadLegacyResult } from '../legacy-config/read-legacy-config.js';
import { isConnectionError, isRuntimeError, isTimeoutError } from '../legacy-errors/error-families.js';
import type { LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import { retryManagerDelay, type RetryManagerStrategy } from '../legacy-formulas/legacy-delays.js';
import { BACKOFF_STRATEGY_VALUES } from './backoff-strategy.js';

/**
 * The legacy default retryable set: connection errors, timeouts and generic runtime errors
 * (Python's `(ConnectionError, TimeoutError, RuntimeError)`; see `isConnectionError`,
 * `isTimeoutError`, `isRuntimeError` for what each means in JavaScript). Anything else
 * (`TypeError`, `RangeError`, a named error class) stops at once.
 * @deprecated Use the default classifier of `@rel/retry` (connection, timeout and unknown errors are retried). Removed in 2.0.0.
 */
export const RETRY_MANAGER_DEFAULT_RETRYABLE: LegacyErrorSet = Object.freeze([
  isConnectionError,
  isTimeoutError,
  isRuntimeError,
]);

/**
 * Options of `new RetryManager(...)`: the legacy keyword arguments in camelCase or
 * snake_case (`maxAttempts`/`max_attempts` = 3, `baseDelay`/`base_delay` = 1.0 s,
 * `maxDelay`/`max_delay` = 60.0 s, `backoffStrategy`/`backoff_strategy` =
 * `'exponential_jitter'`), or the older legacy config with `maxRetries`/`max_retries`
 * (attempts = retries + 1; strategy then `'exponential'`). Two additions: `service` (the
 * name the calls are recorded under in `@rel/core`, default `retry_manager`) and `random`
 * (the jitter source, default `Math.random`).
 *
 * @deprecated Legacy options; use a `RetryConfig` from `@rel/config` (ms, total attempts). Removed in 2.0.0.
 */
export type RetryManagerOptions = LegacyRetryConfigInput & {
  readonly service?: string;
  readonly random?: Random;
};

/** @internal Every operation failure (the per-call set decides, around the operation). */
export const RETRY_ALL: LegacyErrorSet = Object.freeze(['Exception']);

/** The legacy fields a RetryManager reads. @internal */
export const USED: readonly LegacyField[] = [
  'maxAttempts',
  'maxRetries',
  'baseDelay',
  'maxDelay',
  'strategy',
];

/**
 * What `updateConfiguration` accepts.
 * @deprecated Use a new `RetryConfig` from `@rel/config` (configs are immutable). Removed in 2.0.0.
 */
export type RetryManagerChanges = Pick<
  LegacyRetryConfigInput,
  | 'maxAttempts'
  | 'max_attempts'
  | 'baseDelay'
  | 'base_delay'
  | 'maxDelay'
  | 'max_delay'
  | 'backoffStrategy'
  | 'backoff_strategy'
>;

/** The canonical conversion of RetryManager settings (its own delay formula). @internal */
export function convert(
  settings: LegacyRetrySettings,
  sources: Readonly<Record<string, string>>,
  ignored: readonly ConversionNote[],
  retryable: LegacyErrorSet,
  random: Random,
): LegacyConversion {
  return convertLegacySettings(settings, sources, [...ignored], {
    defaults: {
      maxAttempts: 3,
      baseDelay: 1,
      maxDelay: 60,
      backoffMultiplier: 2,
      retryableExceptions: retryable,
    },
    formula: (r) => {
      const strategy = r.strategy as RetryManagerStrategy;
      return {
        describe: `RetryManager ${strategy}${strategy === 'exponential_jitter' ? ' (e + e·U(0.1, 0.5), e = base·2^(a-1))' : ''}, cap ${r.maxDelay} s`,
        delayMs: (a) => retryManagerDelay(strategy, a, r.baseDelay, r.maxDelay, random) * 1000,
        maxDelayMs: r.maxDelay * 1000,
      };
    },
  });
}

/** @internal */
export function checkStrategy(read: ReadLegacyResult, issues: ValidationIssue[]): void {
  const strategy = read.settings.strategy;
  if (strategy !== undefined && !(BACKOFF_STRATEGY_VALUES as readonly string[]).includes(strategy)) {
    issues.push({
      path: read.sources.strategy ?? 'backoffStrategy',
      received: strategy,
      expected: `one of ${BACKOFF_STRATEGY_VALUES.map((s) => `"${s}"`).join(' | ')} (BackoffStrategy)`,
    });
  }
}

/** @internal */
export function checkAttempts(n: number): number {
  if (Number.isInteger(n) && n >= 1 && n <= 100) return n;
  throw new RelConfigError(
    [{ path: 'maxAttempts', received: n, expected: 'an integer in [1, 100] (total attempts)' }],
    'executeWithRetry arguments',
  );
}

import { describeValue, RelConfigError, systemRandom, type Random, type ValidationIssue } from '@rel/config';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { convertLegacySettings, type LegacyConversion } from '../legacy-config/convert.js';
import { isOperationFailure } from '../legacy-errors/error-families.js';
import { llmDelay } from '../legacy-formulas/legacy-delays.js';
import { UseScope } from '../deprecation/use-scope.js';

/**
 * Options of `new RetryStrategy(...)`: the legacy keyword arguments, camelCase or snake_case, seconds.
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms). Removed in 2.0.0.
 */
export interface RetryStrategyOptions {
  /** Total attempts. @defaultValue 5 */
  readonly maxAttempts?: number;
  readonly max_attempts?: number;
  /** First delay (seconds). @defaultValue 1.0 */
  readonly baseDelay?: number;
  readonly base_delay?: number;
  /** Cap (seconds). @defaultValue 60.0 */
  readonly maxDelay?: number;
  readonly max_delay?: number;
  /** Growth factor. @defaultValue 2.0 */
  readonly backoffFactor?: number;
  readonly backoff_factor?: number;
  /** Multiplicative jitter bounds. @defaultValue [0.5, 1.5] */
  readonly jitterRange?: readonly [number, number];
  readonly jitter_range?: readonly [number, number];
  /** Jitter source (an addition of the compat layer). @defaultValue `Math.random` */
  readonly random?: Random;
}

/**
 * The words that make an LLM error retryable (lower-cased message).
 * @deprecated Use the `llm` classifier of `@rel/retry` (statuses and provider error codes). Removed in 2.0.0.
 */
export const RETRYABLE_LLM_MESSAGES: readonly string[] = Object.freeze([
  'overloaded',
  'rate limit',
  'timeout',
  '429',
  '503',
  '504',
  'temporarily',
]);

/** `str(error)` of the legacy code: the message of an Error, else the value as text. @internal */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}

// Presets are built when the module loads; that is not a use, so they do not warn then.
const scope = new UseScope();

/** Builds a preset without warning; the preset warns with its own code when used. @internal */
export function preset<T extends RetryStrategy>(code: DeprecationCode, build: () => T): T {
  return scope.run(code, build);
}

const KEYS: readonly [string, string][] = [
  ['maxAttempts', 'max_attempts'],
  ['baseDelay', 'base_delay'],
  ['maxDelay', 'max_delay'],
  ['backoffFactor', 'backoff_factor'],
  ['jitterRange', 'jitter_range'],
];

/** The options in camelCase, each spelling checked against the other. @internal */
export function pickOptions(o: RetryStrategyOptions, issues: ValidationIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Set(['random', ...KEYS.flat()]);
  for (const key of Object.keys(o)) {
    if (!known.has(key))
      issues.push({
        path: key,
        received: (o as Record<string, unknown>)[key],
        expected: `one of ${[...known].join(', ')}`,
        unknownKey: true,
      });
  }
  for (const [camel, snake] of KEYS) {
    const a = (o as Record<string, unknown>)[camel];
    const b = (o as Record<string, unknown>)[snake];
    if (a !== undefined && b !== undefined && a !== b)
      issues.push({ path: snake, received: b, expected: `the same value as ${camel} (${describeValue(a)})` });
    if ((a ?? b) !== undefined) out[camel] = a ?? b;
  }
  if (o.random !== undefined) out.random = o.random;
  return out;
}

/**
 * The legacy `llm/enhanced_retry.RetryStrategy` (a class; not the unified handler's enum of
 * the same name, which is `UnifiedRetryStrategy` at the package root).
 *
 * - `calculateDelay(attempt)` (1-based, seconds) = `min(base·factor^(attempt-1)·U(jitterRange), maxDelay)`.
 * - `shouldRetry(error)`: the lower-cased message contains `overloaded`, `rate limit`,
 *   `timeout`, `429`, `503`, `504` or `temporarily` (not `500`, not `connection`: as legacy).
 *
 * Calls run through `withEnhancedRetry` or `CircuitBreakerRetryStrategy`, which delegate
 * to `@rel/core`.
 *
 * @deprecated Use a `RetryConfig` with `classifier: 'llm'` (`LLM_RETRY_POLICY` from
 * `@rel/config`), whose classifier reads statuses and provider error codes, not words.
 * Removed in 2.0.0 (REL_DEP006).
 * @example
 * ```ts
 * const strategy = new RetryStrategy({ maxAttempts: 3, baseDelay: 0.5 });
 * strategy.calculateDelay(2); // 0.5 to 1.5 s
 * strategy.shouldRetry(new Error('Rate limit reached')); // true
 * ```
 */
export class RetryStrategy {
  readonly maxAttempts: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
  readonly backoffFactor: number;
  readonly jitterRange: readonly [number, number];
  /** The jitter source. */
  readonly random: Random;
  /** The deprecation code a use of this object counts under (its class, or its preset). @internal */
  declare readonly deprecationCode: DeprecationCode;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(options: RetryStrategyOptions = {}) {
    // Not enumerable: it says how the object was made, not how it retries (see strategyProfile).
    Object.defineProperty(this, 'deprecationCode', {
      value: scope.code ?? this.legacyCode(),
      enumerable: false,
    });
    if (scope.code === undefined) useLegacy(this.deprecationCode);
    const issues: ValidationIssue[] = [];
    const o = pickOptions(options, issues);
    const num = (key: string, fallback: number, min: number, max: number, int = false): number => {
      const v = o[key] ?? fallback;
      if (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        v >= min &&
        v <= max &&
        (!int || Number.isInteger(v))
      )
        return v;
      issues.push({
        path: key,
        received: v,
        expected: `${int ? 'an integer' : 'a number'} in [${min}, ${max}]`,
      });
      return fallback;
    };
    this.maxAttempts = num('maxAttempts', 5, 1, 100, true);
    this.baseDelay = num('baseDelay', 1, 0, 86_400);
    this.maxDelay = num('maxDelay', 60, 0, 86_400);
    this.backoffFactor = num('backoffFactor', 2, 1, 100);
    const range = o.jitterRange ?? [0.5, 1.5];
    if (!(
      Array.isArray(range) &&
      range.length === 2 &&
      range.every((x) => typeof x === 'number' && x >= 0 && x <= 10) &&
      range[0]! <= range[1]!
    )) {
      issues.push({
        path: 'jitterRange',
        received: range,
        expected: 'a pair [low, high] with 0 <= low <= high <= 10',
      });
    }
    this.jitterRange = Object.freeze([...(range as [number, number])]) as unknown as readonly [
      number,
      number,
    ];
    this.random = options.random ?? systemRandom;
    if (issues.length > 0) throw new RelConfigError(issues, `${new.target.name} options`);
  }

  /** The deprecation code of the class (overridden by subclasses). @internal */
  protected legacyCode(): DeprecationCode {
    return 'REL_DEP006';
  }

  /**
   * The delay (seconds) after the failed attempt `attempt` (1-based):
   * `min(base·factor^(attempt-1)·U(jitterRange), maxDelay)`.
   * @see the legacy formula in `llmDelay`
   */
  calculateDelay(attempt: number): number {
    useLegacy(this.deprecationCode);
    return llmDelay(
      attempt,
      this.baseDelay,
      this.backoffFactor,
      this.maxDelay,
      this.jitterRange,
      this.random,
    );
  }

  /** True when the error's lower-cased message names a retryable LLM condition. */
  shouldRetry(error: unknown): boolean {
    useLegacy(this.deprecationCode);
    return this.retryable(error);
  }

  /** The rule behind `shouldRetry`, without counting a use. @internal */
  retryable(error: unknown): boolean {
    const text = errorText(error).toLowerCase();
    return RETRYABLE_LLM_MESSAGES.some((word) => text.includes(word));
  }

  /**
   * The canonical configuration of this strategy: `maxAttempts`, the legacy delay formula
   * as a custom backoff, and `shouldRetry` as the retry matchers.
   */
  toCanonical(): LegacyConversion {
    const retried = (error: unknown): boolean => isOperationFailure(error) && this.retryable(error);
    const stopped = (error: unknown): boolean => isOperationFailure(error) && !this.retryable(error);
    return convertLegacySettings(
      {
        maxAttempts: this.maxAttempts,
        baseDelay: this.baseDelay,
        maxDelay: this.maxDelay,
        backoffFactor: this.backoffFactor,
      },
      {
        maxAttempts: 'maxAttempts',
        baseDelay: 'baseDelay',
        maxDelay: 'maxDelay',
        backoffFactor: 'backoffFactor',
      },
      [],
      {
        matchers: { retryOn: [retried], neverRetryOn: [stopped] },
        matchersDescription: `${this.constructor.name}.shouldRetry (message words)`,
        formula: (r) => ({
          describe: `min(base·${r.multiplier}^(a-1)·U(${this.jitterRange[0]}, ${this.jitterRange[1]}), ${r.maxDelay} s)`,
          delayMs: (attempt) =>
            llmDelay(attempt, r.baseDelay, r.multiplier, r.maxDelay, this.jitterRange, this.random) * 1000,
          maxDelayMs: r.maxDelay * 1000,
        }),
      },
    );
  }
}

import type { DeprecationCode } from '../deprecation/registry.js';
import { RelConfigError, type ValidationIssue } from '@rel/config';
import { errorText, pickOptions, RetryStrategy, type RetryStrategyOptions } from './retry-strategy.js';

/**
 * The per-provider defaults of the legacy `APISpecificRetryStrategy` (seconds).
 * @deprecated Use the LLM profile numbers of `LLM_RETRY_POLICY` from `@rel/config`. Removed in 2.0.0.
 */
export const API_RETRY_DEFAULTS = Object.freeze({
  openai: Object.freeze({ maxAttempts: 5, baseDelay: 2.0, maxDelay: 120.0, backoffFactor: 2.5 }),
  anthropic: Object.freeze({ maxAttempts: 4, baseDelay: 1.5, maxDelay: 90.0, backoffFactor: 2.0 }),
  standard: Object.freeze({ maxAttempts: 3, baseDelay: 1.0, maxDelay: 60.0, backoffFactor: 2.0 }),
});

/**
 * A provider of {@link API_RETRY_DEFAULTS}.
 * @deprecated Use `ClassifierDomain` (`'llm'`) of `@rel/config`. Removed in 2.0.0.
 */
export type ApiType = keyof typeof API_RETRY_DEFAULTS;

/**
 * The legacy `llm/enhanced_retry.APISpecificRetryStrategy(apiType, overrides)`: a
 * `RetryStrategy` with per-provider defaults (unknown type: `standard`), overridden by
 * `overrides`:
 *
 * | apiType | maxAttempts | baseDelay | maxDelay | backoffFactor |
 * | --- | --- | --- | --- | --- |
 * | openai | 5 | 2.0 | 120.0 | 2.5 |
 * | anthropic | 4 | 1.5 | 90.0 | 2.0 |
 * | standard | 3 | 1.0 | 60.0 | 2.0 |
 *
 * `shouldRetry` also refuses authentication (`401`, `unauthorized`) and bad requests
 * (`400`, `bad request`), whatever else the message says.
 *
 * @deprecated Use `parseRetryConfig(overrides, LLM_RETRY_POLICY)` from `@rel/config` (its
 * `llm` classifier never retries 400/401). Removed in 2.0.0 (REL_DEP007).
 * @example
 * ```ts
 * const openai = new APISpecificRetryStrategy('openai', { maxAttempts: 3 });
 * openai.shouldRetry(new Error('429 Rate limit')); // true
 * openai.shouldRetry(new Error('401 Unauthorized: timeout')); // false
 * ```
 */
export class APISpecificRetryStrategy extends RetryStrategy {
  /** The provider whose defaults apply (`standard` for an unknown one). */
  readonly apiType: ApiType;

  /** @throws `RelConfigError` naming every unknown key or bad value of `overrides`. */
  constructor(apiType: string = 'standard', overrides: RetryStrategyOptions = {}) {
    const type: ApiType = Object.hasOwn(API_RETRY_DEFAULTS, apiType) ? (apiType as ApiType) : 'standard';
    const issues: ValidationIssue[] = [];
    const given = pickOptions(overrides, issues);
    if (issues.length > 0) throw new RelConfigError(issues, 'APISpecificRetryStrategy overrides');
    super({ ...API_RETRY_DEFAULTS[type], ...(given as RetryStrategyOptions) });
    this.apiType = type;
  }

  protected override legacyCode(): DeprecationCode {
    return 'REL_DEP007';
  }

  /** The base rule, then no retry for 401 / unauthorized and 400 / bad request. @internal */
  override retryable(error: unknown): boolean {
    if (!super.retryable(error)) return false;
    const text = errorText(error);
    const lower = text.toLowerCase();
    if (text.includes('401') || lower.includes('unauthorized')) return false;
    return !(text.includes('400') || lower.includes('bad request'));
  }
}

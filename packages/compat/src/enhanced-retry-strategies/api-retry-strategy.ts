import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { EnhancedRetryStrategy } from './enhanced-retry-strategy.js';
import { containsAny, lowerMessage } from './message-terms.js';
import { toContext, type RecoveryContextLike } from './recovery-context.js';

/**
 * HTTP statuses always retried (rate limit and server errors).
 * @deprecated Use the `http` classifier of `@rel/retry` (`statusKind`). Removed in 2.0.0 (REL_DEP051).
 */
export const API_RETRYABLE_STATUSES: readonly number[] = Object.freeze([429, 500, 502, 503, 504]);

/**
 * Message words retried when the context has no status code.
 * @deprecated Use the `http` classifier of `@rel/retry` (connection and timeout signals). Removed in 2.0.0 (REL_DEP051).
 */
export const API_RETRYABLE_TERMS: readonly string[] = Object.freeze(['timeout', 'connection', 'network']);

/**
 * The Era A `ApiRetryStrategy` (core/retry_strategy_api). `shouldRetry(context)`:
 * 1. `retryCount >= max_retries` → no;
 * 2. with a truthy `metadata.status_code`: 429, 500, 502, 503, 504 → yes; 400-499 → no;
 *    any other status → yes (the message is not read then);
 * 3. without one: the lower-cased message contains `timeout`, `connection` or `network`
 *    → yes, else no.
 * Severity is not read. `executeWithRetry` fills `status_code` from the failure's
 * `status` / `statusCode` / `response.status` when the call's metadata has none.
 *
 * @deprecated Use `API_RELIABILITY_PROFILE` from `@rel/config` (the `http` classifier, with
 * `Retry-After` honoured) with `getDefaultManager().get(name, profile)` from `@rel/core`.
 * Removed in 2.0.0 (REL_DEP051).
 * @example
 * ```ts
 * const api = new ApiRetryStrategy(DEFAULT_RETRY_CONFIGS.external_api);
 * api.shouldRetry({ error: new Error('bad gateway'), metadata: { status_code: 502 } }); // true
 * ```
 */
export class ApiRetryStrategy extends EnhancedRetryStrategy {
  /** @internal */
  protected override legacyCode(): DeprecationCode {
    return 'REL_DEP051';
  }

  /** The legacy API rule (see the class docs). */
  shouldRetry(context: RecoveryContextLike): boolean {
    useLegacy(this.deprecationCode);
    const ctx = toContext(context);
    if (ctx.retryCount >= this.config.max_retries) return false;
    const status = ctx.metadata.status_code;
    // Python truthiness: 0, '' and None fall through to the message rule.
    if (typeof status === 'number' && status !== 0) {
      if (API_RETRYABLE_STATUSES.includes(status)) return true;
      return !(status >= 400 && status < 500);
    }
    return containsAny(lowerMessage(ctx.error), API_RETRYABLE_TERMS);
  }
}

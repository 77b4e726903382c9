import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { EnhancedRetryStrategy } from './enhanced-retry-strategy.js';
import { CRITICAL } from './error-severity.js';
import { containsAny, lowerMessage } from './message-terms.js';
import { toContext, type RecoveryContextLike } from './recovery-context.js';

/**
 * Message words of a database failure worth retrying (connection issues, then temporary ones).
 * @deprecated Use `domainRetryable('database')` or the `database` classifier of `@rel/retry` (SQLSTATE classes and driver codes). Removed in 2.0.0 (REL_DEP050).
 */
export const DATABASE_RETRYABLE_TERMS: readonly string[] = Object.freeze([
  'connection',
  'timeout',
  'network',
  'deadlock',
  'lock timeout',
  'busy',
]);

/**
 * Message words of a constraint violation, never retried.
 * @deprecated Use the `database` classifier of `@rel/retry` (SQLSTATE class 23 is permanent). Removed in 2.0.0 (REL_DEP050).
 */
export const DATABASE_CONSTRAINT_TERMS: readonly string[] = Object.freeze([
  'constraint',
  'unique',
  'foreign key',
]);

/**
 * The Era A `DatabaseRetryStrategy` (core/retry_strategy_database). `shouldRetry(context)`:
 * 1. `retryCount >= max_retries` → no;
 * 2. severity `critical` → no;
 * 3. the lower-cased message contains `connection`, `timeout`, `network`, `deadlock`,
 *    `lock timeout` or `busy` → yes;
 * 4. it contains `constraint`, `unique` or `foreign key` → no;
 * 5. otherwise → yes.
 *
 * @deprecated Use `DATABASE_RELIABILITY_PROFILE` from `@rel/config` (the `database`
 * classifier reads SQLSTATE classes and driver codes, not words) with
 * `getDefaultManager().get(name, profile)` from `@rel/core`. Removed in 2.0.0 (REL_DEP050).
 * @example
 * ```ts
 * const db = new DatabaseRetryStrategy(DEFAULT_RETRY_CONFIGS.database_read);
 * const rows = await db.executeWithRetry(() => pool.query(sql), { operation_id: 'load_orders' });
 * ```
 */
export class DatabaseRetryStrategy extends EnhancedRetryStrategy {
  /** @internal */
  protected override legacyCode(): DeprecationCode {
    return 'REL_DEP050';
  }

  /** The legacy database rule (see the class docs). */
  shouldRetry(context: RecoveryContextLike): boolean {
    useLegacy(this.deprecationCode);
    const ctx = toContext(context);
    if (ctx.retryCount >= this.config.max_retries) return false;
    if (ctx.severity === CRITICAL) return false;
    const text = lowerMessage(ctx.error);
    if (containsAny(text, DATABASE_RETRYABLE_TERMS)) return true;
    return !containsAny(text, DATABASE_CONSTRAINT_TERMS);
  }
}

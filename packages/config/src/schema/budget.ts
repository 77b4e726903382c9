import { z } from 'zod';
import { positiveMs } from './common.js';

/**
 * Retry budget: a token bucket per dependency, shared by every handler of that dependency.
 * Each first attempt deposits `ratio` tokens, each retry spends one; `minRetriesPerSecond`
 * tokens are always available so that low-traffic services can still retry. Deposits
 * expire after `ttlMs`. Under a total outage the dependency sees at most about
 * `(1 + ratio)` times its first-attempt load, instead of `maxAttempts` times.
 *
 * @see https://finagle.github.io/blog/2016/02/08/retry-budgets/ (Finagle RetryBudget)
 */
export const RetryBudgetConfigShape = {
  /** Retries allowed per first attempt (0.2 = retries may add 20%). @defaultValue 0.2 */
  ratio: z.number().min(0).max(10),
  /** Retries per second always allowed, whatever the ratio. @defaultValue 10 */
  minRetriesPerSecond: z.number().min(0).max(100_000),
  /** How long a deposit counts (ms). @defaultValue 10000 */
  ttlMs: positiveMs(),
  /** Bucket key; handlers with the same key share one budget. @defaultValue the service name */
  key: z.string().min(1).optional(),
};

/** Schema of a complete {@link RetryBudgetConfig}. */
export const RetryBudgetConfigSchema = z.strictObject(RetryBudgetConfigShape);

/** A complete retry budget configuration. */
export type RetryBudgetConfig = z.infer<typeof RetryBudgetConfigSchema>;

/** Defaults of {@link RetryBudgetConfig} (Finagle's: 20% plus 10 retries/s over 10 s). */
export const DEFAULT_RETRY_BUDGET = { ratio: 0.2, minRetriesPerSecond: 10, ttlMs: 10_000 } as const;

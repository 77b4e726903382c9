import { z } from 'zod';
import { RetryBudgetConfigSchema } from './budget.js';
import { durationMs, ErrorMatcherSchema, fn, positiveMs } from './common.js';
import { TimeoutConfigShape } from './timeout.js';

/** Backoff strategy names. `decorrelated` is AWS's `min(cap, U(base, 3 * prev))`. */
export const BACKOFF_STRATEGIES = ['fixed', 'linear', 'exponential', 'fibonacci', 'decorrelated'] as const;

/** Jitter kinds: `full` U(0, d); `equal` d/2 + U(0, d/2); `proportional` d * (1 ± jitterRange). */
export const JITTER_KINDS = ['none', 'full', 'equal', 'proportional'] as const;

/** Domain rule sets of the classifier in @rel/retry. */
export const CLASSIFIER_DOMAINS = ['default', 'http', 'llm', 'database', 'file', 'websocket'] as const;

/** Input of a custom delay function. */
export interface CustomDelayInput {
  /** 1-based number of the attempt that just failed. */
  readonly attempt: number;
  /** The delay chosen last time (ms), or 0. */
  readonly previousDelayMs: number;
  /** The failure. */
  readonly error: unknown;
}

/** A custom backoff: `{ kind: 'custom', delay: ({ attempt }) => ms }`. The result is still capped by `maxDelayMs`. */
export const CustomBackoffSchema = z.strictObject({
  kind: z.literal('custom'),
  delay: fn<(input: CustomDelayInput) => number>('a delay function'),
});

/** The backoff field: a strategy name or a custom backoff. */
export const BackoffSchema = z.union([z.enum(BACKOFF_STRATEGIES), CustomBackoffSchema]);

/**
 * Every field of a {@link RetryConfig}. Field names are fixed API; times are milliseconds;
 * `maxAttempts` counts every attempt, the first included.
 */
export const RetryConfigShape = {
  /** Total attempts, the first included (so 3 = 1 try + 2 retries). @defaultValue 3 */
  maxAttempts: z.int().min(1).max(100),
  /** Delay unit of every strategy (ms). @defaultValue 1000 */
  baseDelayMs: durationMs(),
  /** Cap on every delay, jitter included (ms). @defaultValue 60000 */
  maxDelayMs: durationMs(),
  /** Backoff strategy. @defaultValue 'exponential' */
  backoff: BackoffSchema,
  /** Growth factor of `exponential` (and `linear`'s step is `baseDelayMs`). @defaultValue 2 */
  multiplier: z.number().min(1).max(100),
  /** Jitter applied to the strategy's delay (ignored by `decorrelated`, already random). @defaultValue 'full' */
  jitter: z.enum(JITTER_KINDS),
  /** Spread of `proportional` jitter: d * (1 ± jitterRange). @defaultValue 0.1 */
  jitterRange: z.number().min(0).max(1),
  ...TimeoutConfigShape,
  /** Extra matchers that make an error retryable (checked after `neverRetryOn`). */
  retryOn: z.array(ErrorMatcherSchema).optional(),
  /** Matchers that make an error permanent; they win over everything else. */
  neverRetryOn: z.array(ErrorMatcherSchema).optional(),
  /** Wait at least as long as a server's Retry-After hint. @defaultValue true */
  respectRetryAfter: z.boolean(),
  /** Largest Retry-After hint honoured (ms); a longer one fails the call fast. @defaultValue 120000 */
  maxRetryAfterMs: positiveMs(),
  /** Classifier rule set. @defaultValue 'default' */
  classifier: z.enum(CLASSIFIER_DOMAINS),
  /** Retry budget, or `false` for none. @defaultValue DEFAULT_RETRY_BUDGET */
  budget: z.union([z.literal(false), RetryBudgetConfigSchema]),
  /**
   * When the breaker is open and will admit a probe before the deadline, wait for it
   * instead of failing at once. @defaultValue false
   */
  waitForOpenCircuit: z.boolean(),
};

const RetryConfigObject = z.strictObject(RetryConfigShape);

/** Schema of a complete {@link RetryConfig}, cross-field rules included. */
export const RetryConfigSchema = RetryConfigObject.superRefine((c, ctx) => {
  if (c.maxDelayMs < c.baseDelayMs) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxDelayMs'],
      input: c.maxDelayMs,
      message: `must be >= baseDelayMs (${c.baseDelayMs})`,
    });
  }
  if (
    c.attemptTimeoutMs !== undefined &&
    c.totalTimeoutMs !== undefined &&
    c.attemptTimeoutMs > c.totalTimeoutMs
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['attemptTimeoutMs'],
      input: c.attemptTimeoutMs,
      message: `must be <= totalTimeoutMs (${c.totalTimeoutMs})`,
    });
  }
});

/** Schema of a partial retry configuration (what users write; missing fields take defaults). */
export const RetryConfigInputSchema = RetryConfigObject.partial().extend({
  budget: z.union([z.literal(false), RetryBudgetConfigSchema.partial()]).optional(),
});

/** The one retry configuration type of @rel. */
export type RetryConfig = z.infer<typeof RetryConfigSchema>;
/** What a user writes: any subset of {@link RetryConfig}. */
export type RetryConfigInput = z.input<typeof RetryConfigInputSchema>;
/** A backoff strategy name or custom backoff. */
export type Backoff = z.infer<typeof BackoffSchema>;
/** A backoff strategy name. */
export type BackoffStrategy = (typeof BACKOFF_STRATEGIES)[number];
/** A jitter kind. */
export type JitterKind = (typeof JITTER_KINDS)[number];
/** A classifier rule set name. */
export type ClassifierDomain = (typeof CLASSIFIER_DOMAINS)[number];

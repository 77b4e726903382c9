import { z } from 'zod';
import { OutcomeKindSchema, positiveMs, ratio } from './common.js';

/** Breaker strategies: when does a closed breaker open? */
export const CIRCUIT_STRATEGIES = ['consecutive', 'count', 'time', 'slow_call'] as const;

/** Every field of a {@link CircuitBreakerConfig}. Times are milliseconds. */
export const CircuitBreakerConfigShape = {
  /**
   * `consecutive`: `failureThreshold` failures in a row. `count`: failure ratio over the
   * last `windowSize` calls. `time`: failure ratio over `windowMs`, once `minimumThroughput`
   * calls were seen. `slow_call`: like `time`, and calls slower than `slowCallMs` also count
   * (ratio `slowCallRateThreshold`) even when they succeed.
   * @defaultValue 'consecutive'
   */
  strategy: z.enum(CIRCUIT_STRATEGIES),
  /** Failures in a row that open a `consecutive` breaker. @defaultValue 5 */
  failureThreshold: z.int().min(1).max(100_000),
  /** Failure ratio in (0, 1] that opens a `count`/`time`/`slow_call` breaker. @defaultValue 0.5 */
  failureRateThreshold: ratio().positive(),
  /** Calls in the `count` window. @defaultValue 20 */
  windowSize: z.int().min(1).max(100_000),
  /** Length of the `time`/`slow_call` window (ms). @defaultValue 30000 */
  windowMs: positiveMs(),
  /** Calls needed in the window before a ratio can open the breaker. @defaultValue 10 */
  minimumThroughput: z.int().min(1).max(1_000_000),
  /** A call slower than this (ms) counts as slow. @defaultValue 5000 */
  slowCallMs: positiveMs(),
  /** Slow-call ratio in (0, 1] that opens a `slow_call` breaker. @defaultValue 0.5 */
  slowCallRateThreshold: ratio().positive(),
  /** How long the breaker stays open before admitting probes (ms). @defaultValue 30000 */
  openMs: positiveMs(),
  /** Each consecutive re-opening multiplies the open time by this (1 = fixed). @defaultValue 2 */
  openBackoffMultiplier: z.number().min(1).max(100),
  /** Cap on the grown open time (ms). @defaultValue 300000 */
  maxOpenMs: positiveMs(),
  /** Open-time jitter: openMs * (1 ± openJitter). @defaultValue 0.1 */
  openJitter: ratio(),
  /** Probes admitted at once while half-open; other callers are rejected at once. @defaultValue 1 */
  halfOpenMaxProbes: z.int().min(1).max(10_000),
  /** Successful probes needed to close. @defaultValue 1 */
  successThreshold: z.int().min(1).max(10_000),
  /**
   * Outcome kinds that count as failures. Cancellations and permanent (client) errors do
   * not, by default: they say nothing about the dependency's health.
   * @defaultValue ['transient', 'timeout', 'rate_limited', 'overloaded']
   */
  failureKinds: z.array(OutcomeKindSchema.exclude(['success'])).min(1),
};

const CircuitBreakerConfigObject = z.strictObject(CircuitBreakerConfigShape);

/** Schema of a complete {@link CircuitBreakerConfig}, cross-field rules included. */
export const CircuitBreakerConfigSchema = CircuitBreakerConfigObject.superRefine((c, ctx) => {
  if (c.maxOpenMs < c.openMs) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxOpenMs'],
      input: c.maxOpenMs,
      message: `must be >= openMs (${c.openMs})`,
    });
  }
});

/** Schema of a partial breaker configuration. */
export const CircuitBreakerConfigInputSchema = CircuitBreakerConfigObject.partial();

/** The one circuit breaker configuration type of @rel. */
export type CircuitBreakerConfig = z.infer<typeof CircuitBreakerConfigSchema>;
/** Any subset of {@link CircuitBreakerConfig}. */
export type CircuitBreakerConfigInput = z.input<typeof CircuitBreakerConfigInputSchema>;
/** A breaker strategy name. */
export type CircuitStrategy = (typeof CIRCUIT_STRATEGIES)[number];

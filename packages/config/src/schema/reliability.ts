import { z } from 'zod';
import { BulkheadConfigInputSchema, BulkheadConfigSchema } from './bulkhead.js';
import { CircuitBreakerConfigInputSchema, CircuitBreakerConfigSchema } from './circuit.js';
import { OutcomeKindSchema } from './common.js';
import { HealthConfigInputSchema, HealthConfigSchema } from './health.js';
import { RetryConfigInputSchema, RetryConfigSchema } from './retry.js';

/** Fallback settings. The fallback itself (a value or a function) may also be given per call. */
export const FallbackConfigShape = {
  /** Whether a fallback answers a final failure. @defaultValue false */
  enabled: z.boolean(),
  /** A fixed fallback value (JSON-friendly); a per-call fallback wins. */
  value: z.unknown().optional(),
  /**
   * Failure kinds that trigger the fallback. Cancellations never do.
   * @defaultValue every failure kind except `cancelled`
   */
  onKinds: z.array(OutcomeKindSchema.exclude(['success', 'cancelled'])).min(1),
};
/** Schema of a complete {@link FallbackConfig}. */
export const FallbackConfigSchema = z.strictObject(FallbackConfigShape);

/** Event settings: whether this instance reports retries, breaker and health changes as agent events. */
export const EventsConfigShape = {
  /** @defaultValue true */
  enabled: z.boolean(),
};
/** Schema of a complete {@link EventsConfig}. */
export const EventsConfigSchema = z.strictObject(EventsConfigShape);

/**
 * A reliability profile: everything one named reliability instance needs. `false` turns a
 * section off (no breaker, no bulkhead).
 */
export const ReliabilityConfigSchema = z.strictObject({
  retry: RetryConfigSchema,
  circuitBreaker: z.union([z.literal(false), CircuitBreakerConfigSchema]),
  health: HealthConfigSchema,
  bulkhead: z.union([z.literal(false), BulkheadConfigSchema]),
  fallback: FallbackConfigSchema,
  events: EventsConfigSchema,
});

/** Profile names usable in a config file (`"profile": "llm"`). */
export const PROFILE_NAMES = ['default', 'database', 'llm', 'agent', 'api', 'websocket', 'file'] as const;

/** A partial profile: what a config file, env variables or overrides may say about one service. */
export const ReliabilityConfigInputSchema = z.strictObject({
  /** Start from this built-in profile. @defaultValue 'default' */
  profile: z.enum(PROFILE_NAMES).optional(),
  retry: RetryConfigInputSchema.optional(),
  circuitBreaker: z.union([z.literal(false), CircuitBreakerConfigInputSchema]).optional(),
  health: HealthConfigInputSchema.optional(),
  bulkhead: z.union([z.literal(false), BulkheadConfigInputSchema]).optional(),
  fallback: z.strictObject(FallbackConfigShape).partial().optional(),
  events: z.strictObject(EventsConfigShape).partial().optional(),
});

/** A config file: named services, each a partial profile. */
export const ConfigFileSchema = z.strictObject({
  /** Optional JSON Schema reference for editors. */
  $schema: z.string().optional(),
  services: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/), ReliabilityConfigInputSchema),
});

/** A complete reliability profile. */
export type ReliabilityConfig = z.infer<typeof ReliabilityConfigSchema>;
/** A partial profile (file, env, overrides). */
export type ReliabilityConfigInput = z.input<typeof ReliabilityConfigInputSchema>;
/** Fallback settings. */
export type FallbackConfig = z.infer<typeof FallbackConfigSchema>;
/** Event settings. */
export type EventsConfig = z.infer<typeof EventsConfigSchema>;
/** A built-in profile name. */
export type ProfileName = (typeof PROFILE_NAMES)[number];
/** The shape of a config file. */
export type ConfigFile = z.input<typeof ConfigFileSchema>;

import { RelConfigError, toValidationIssues } from '@rel/config';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { HealthRegistry } from '../system/health-registry.js';
import type { ReliabilityHealthTracker } from '../tracker/health-tracker.js';

/** Default duration histogram buckets (seconds): 5 ms to 5 min, for LLM and tool calls alike. */
export const DEFAULT_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300,
]);

/** Options of {@link HealthMetrics}. */
export interface HealthMetricsOptions {
  /** prom-client registry to register in. @defaultValue a new `Registry` */
  readonly registry?: Registry;
  /** Metric name prefix. @defaultValue `"rel_"` */
  readonly prefix?: string;
  /** Distinct `service` label values before the rest collapse into `other`. @defaultValue 50 */
  readonly maxServices?: number;
  /** Distinct `operation` label values (across services) before the rest collapse into `other`. @defaultValue 50 */
  readonly maxOperations?: number;
  /** Buckets (seconds, increasing) of the call duration histogram. @defaultValue {@link DEFAULT_DURATION_BUCKETS} */
  readonly durationBuckets?: readonly number[];
  /** Trackers whose score, status and breaker state are read at every scrape (more with `track()`). */
  readonly health?: HealthRegistry | ReliabilityHealthTracker;
}

const OptionsSchema = z.strictObject({
  registry: z
    .custom<Registry>(
      (v) => typeof (v as { registerMetric?: unknown } | null)?.registerMetric === 'function',
      {
        message: 'expected a prom-client Registry',
      },
    )
    .optional(),
  prefix: z
    .string()
    .regex(
      /^[a-zA-Z_:][a-zA-Z0-9_:]*$/,
      'expected a Prometheus metric name prefix ([a-zA-Z_:][a-zA-Z0-9_:]*)',
    )
    .optional(),
  maxServices: z.int().min(1).max(10_000).optional(),
  maxOperations: z.int().min(1).max(10_000).optional(),
  durationBuckets: z
    .array(z.number().positive().finite())
    .min(1)
    .refine((b) => b.every((x, i) => i === 0 || x > b[i - 1]!), 'expected strictly increasing bucket bounds')
    .optional(),
  health: z
    .custom<HealthRegistry | ReliabilityHealthTracker>(
      (v) => typeof v === 'object' && v !== null && ('systemHealth' in v || 'snapshot' in v),
      { message: 'expected a HealthRegistry or a ReliabilityHealthTracker' },
    )
    .optional(),
});

/** Validates {@link HealthMetricsOptions}; throws `RelConfigError` listing every bad field. */
export function checkMetricsOptions(options: HealthMetricsOptions): HealthMetricsOptions {
  const result = OptionsSchema.safeParse(options);
  if (result.success) return options;
  throw new RelConfigError(
    toValidationIssues(OptionsSchema, options, result.error.issues),
    'health metrics options',
  );
}

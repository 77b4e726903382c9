import { z } from 'zod';
import { positiveMs, ratio } from './common.js';

/** Every field of a {@link HealthConfig}. Times are milliseconds. */
export const HealthConfigShape = {
  /** Sliding window of the success rate (ms). @defaultValue 60000 */
  windowMs: positiveMs(),
  /** Buckets in the window ring (the window slides in `windowMs / buckets` steps). @defaultValue 12 */
  buckets: z.int().min(2).max(600),
  /** Entries kept in the error history. @defaultValue 100 */
  errorHistorySize: z.int().min(0).max(10_000),
  /** Window in which errors count as "recent" for the score (ms). @defaultValue 300000 */
  recentErrorWindowMs: positiveMs(),
  /** Latency objective (ms): p95 above it lowers the score. Unset: latency is not scored. */
  latencySloMs: positiveMs().optional(),
  /** Lowest score that is `healthy`. @defaultValue 0.9 */
  healthyThreshold: ratio(),
  /** Lowest score that is `degraded`. @defaultValue 0.7 */
  degradedThreshold: ratio(),
  /** Lowest score that is `unhealthy`; below is `critical`. @defaultValue 0.5 */
  unhealthyThreshold: ratio(),
  /** A status changes only when the score crosses a threshold by this margin. @defaultValue 0.05 */
  hysteresis: z.number().min(0).max(0.5),
  /** Samples in the window before the success rate counts at full weight. @defaultValue 5 */
  minSamples: z.int().min(1).max(1_000_000),
};

const HealthConfigObject = z.strictObject(HealthConfigShape);

/** Schema of a complete {@link HealthConfig}, cross-field rules included. */
export const HealthConfigSchema = HealthConfigObject.superRefine((c, ctx) => {
  if (!(c.healthyThreshold >= c.degradedThreshold && c.degradedThreshold >= c.unhealthyThreshold)) {
    ctx.addIssue({
      code: 'custom',
      path: ['degradedThreshold'],
      input: c.degradedThreshold,
      message:
        `thresholds must be ordered healthyThreshold >= degradedThreshold >= unhealthyThreshold ` +
        `(got ${c.healthyThreshold}, ${c.degradedThreshold}, ${c.unhealthyThreshold})`,
    });
  }
});

/** Schema of a partial health configuration. */
export const HealthConfigInputSchema = HealthConfigObject.partial();

/** Health tracking settings. */
export type HealthConfig = z.infer<typeof HealthConfigSchema>;
/** Any subset of {@link HealthConfig}. */
export type HealthConfigInput = z.input<typeof HealthConfigInputSchema>;

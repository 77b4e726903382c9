import { z } from 'zod';

/** Every field of a {@link BulkheadConfig}. */
export const BulkheadConfigShape = {
  /** Calls allowed to run at once. */
  maxConcurrent: z.int().min(1).max(1_000_000),
  /** Calls allowed to wait for a slot; more are rejected at once. @defaultValue 0 */
  maxQueue: z.int().min(0).max(1_000_000),
};

/** Schema of a complete {@link BulkheadConfig}. */
export const BulkheadConfigSchema = z.strictObject(BulkheadConfigShape);
/** Schema of a partial bulkhead configuration. */
export const BulkheadConfigInputSchema = BulkheadConfigSchema.partial();

/** A concurrency limit with an optional queue. */
export type BulkheadConfig = z.infer<typeof BulkheadConfigSchema>;
/** Any subset of {@link BulkheadConfig}. */
export type BulkheadConfigInput = z.input<typeof BulkheadConfigInputSchema>;

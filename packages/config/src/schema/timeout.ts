import { z } from 'zod';
import { positiveMs } from './common.js';

/**
 * Timeouts. They belong to the retry configuration (the overall deadline spans every
 * attempt and every wait) and are defined here once so both read the same fields.
 */
export const TimeoutConfigShape = {
  /** Timeout of each attempt (ms). Unset: attempts are not timed. */
  attemptTimeoutMs: positiveMs().optional(),
  /** Overall deadline across attempts and waits (ms). Unset: no deadline. */
  totalTimeoutMs: positiveMs().optional(),
  /**
   * `cooperative`: on timeout the attempt's `signal` aborts and the call waits for the
   * operation to settle. `aggressive`: the call also stops waiting at once.
   * @defaultValue 'aggressive'
   */
  timeoutMode: z.enum(['cooperative', 'aggressive']),
};

/** Schema of a complete {@link TimeoutConfig}. */
export const TimeoutConfigSchema = z.strictObject(TimeoutConfigShape);

/** Timeout settings (a subset of the retry configuration). */
export type TimeoutConfig = z.infer<typeof TimeoutConfigSchema>;

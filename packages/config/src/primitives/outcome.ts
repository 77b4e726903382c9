/**
 * What one attempt (or one whole call) came to. The classifier in @rel/retry maps any
 * thrown value or returned result to one of these; breakers, health, metrics and events
 * all speak this vocabulary, so a "rate_limited" means the same thing everywhere.
 */
export const OUTCOME_KINDS = [
  'success',
  'transient',
  'timeout',
  'rate_limited',
  'overloaded',
  'permanent',
  'cancelled',
  'circuit_open',
  'budget_exhausted',
  'bulkhead_rejected',
  'deadline_exceeded',
] as const;

/** One of {@link OUTCOME_KINDS}. */
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Failure kinds only (every {@link OutcomeKind} except `success`). */
export type FailureKind = Exclude<OutcomeKind, 'success'>;

/**
 * The record of one invocation of the operation. `attempts.length` in a result is always
 * the exact number of times the operation ran.
 */
export interface AttemptRecord {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** Clock time (ms) when the attempt started. */
  readonly startedAt: number;
  /** How long the attempt ran (ms). */
  readonly durationMs: number;
  /** How it ended. */
  readonly outcome: OutcomeKind;
  /** The thrown value (or rejected result) when it failed. */
  readonly error?: unknown;
  /** The wait (ms) that followed this attempt before the next one; absent when none followed. */
  readonly delayAfterMs?: number;
  /** A server hint (Retry-After and friends) read from the failure, in ms. */
  readonly retryAfterMs?: number;
}

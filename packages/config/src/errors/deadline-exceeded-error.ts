import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/** Options of {@link DeadlineExceededError}. */
export interface DeadlineExceededErrorOptions extends ExecutionErrorOptions {
  /** The overall deadline (ms) that was exceeded. */
  readonly deadlineMs?: number;
  /** The wait (ms) that was refused because it would have overrun the deadline, if that is why. */
  readonly refusedDelayMs?: number;
}

/**
 * The overall deadline passed, or the next wait (backoff or a Retry-After hint) would have
 * overrun it, so it was not started.
 */
export class DeadlineExceededError extends ExecutionError {
  /** The overall deadline (ms). */
  readonly deadlineMs: number | undefined;
  /** The refused wait (ms), when the call failed fast instead of sleeping past the deadline. */
  readonly refusedDelayMs: number | undefined;

  constructor(message: string, options: DeadlineExceededErrorOptions = {}) {
    super(REL_ERROR_CODES.DEADLINE_EXCEEDED, message, options);
    this.name = 'DeadlineExceededError';
    this.deadlineMs = options.deadlineMs;
    this.refusedDelayMs = options.refusedDelayMs;
  }
}

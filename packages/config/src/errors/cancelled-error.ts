import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/**
 * The caller's AbortSignal fired. A cancellation is the caller's decision, never a
 * dependency failure: breakers and health do not count it. `cause` is the signal's reason.
 */
export class CancelledError extends ExecutionError {
  constructor(message: string, options: ExecutionErrorOptions = {}) {
    super(REL_ERROR_CODES.CANCELLED, message, options);
    this.name = 'CancelledError';
  }
}

import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/** An attempt failed with an error classified as permanent, so it was not retried. `cause` is that error. */
export class NonRetryableError extends ExecutionError {
  constructor(message: string, options: ExecutionErrorOptions = {}) {
    super(REL_ERROR_CODES.NON_RETRYABLE, message, options);
    this.name = 'NonRetryableError';
  }
}

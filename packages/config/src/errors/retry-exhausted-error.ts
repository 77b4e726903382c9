import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/** Every allowed attempt failed with a retryable error. `cause` is the last failure. */
export class RetryExhaustedError extends ExecutionError {
  constructor(message: string, options: ExecutionErrorOptions = {}) {
    super(REL_ERROR_CODES.RETRY_EXHAUSTED, message, options);
    this.name = 'RetryExhaustedError';
  }
}

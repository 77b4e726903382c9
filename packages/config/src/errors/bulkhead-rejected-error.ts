import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/** The bulkhead (concurrency limit) and its queue were full, so the call never started. */
export class BulkheadRejectedError extends ExecutionError {
  constructor(message: string, options: ExecutionErrorOptions = {}) {
    super(REL_ERROR_CODES.BULKHEAD_REJECTED, message, options);
    this.name = 'BulkheadRejectedError';
  }
}

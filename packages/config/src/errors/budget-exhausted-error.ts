import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/**
 * The retry budget of the dependency refused a retry, so an outage does not multiply load.
 * `cause` is the failure that would have been retried.
 */
export class BudgetExhaustedError extends ExecutionError {
  constructor(message: string, options: ExecutionErrorOptions = {}) {
    super(REL_ERROR_CODES.BUDGET_EXHAUSTED, message, options);
    this.name = 'BudgetExhaustedError';
  }
}

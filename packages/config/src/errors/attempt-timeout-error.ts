import { REL_ERROR_CODES } from './codes.js';
import { RelError } from './rel-error.js';

/** One attempt ran longer than its attempt timeout. Classified as `timeout` (retryable). */
export class AttemptTimeoutError extends RelError {
  /** The attempt timeout (ms). */
  readonly timeoutMs: number;
  /** 1-based attempt number. */
  readonly attempt: number;

  constructor(timeoutMs: number, attempt: number) {
    super(REL_ERROR_CODES.ATTEMPT_TIMEOUT, `attempt ${attempt} timed out after ${timeoutMs} ms`);
    this.name = 'AttemptTimeoutError';
    this.timeoutMs = timeoutMs;
    this.attempt = attempt;
  }
}

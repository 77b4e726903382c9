import { REL_ERROR_CODES } from './codes.js';
import { ExecutionError, type ExecutionErrorOptions } from './execution-error.js';

/** Options of {@link CircuitOpenError}. */
export interface CircuitOpenErrorOptions extends ExecutionErrorOptions {
  /** Breaker name. */
  readonly circuit: string;
  /** The breaker state that refused the call (`open`, `half_open` or `isolated`). */
  readonly state: string;
  /** How long (ms) until the breaker will admit a probe; `Infinity` while isolated. */
  readonly retryAfterMs: number;
}

/**
 * The circuit breaker refused the call: it is open, isolated, or half-open with every
 * probe slot taken. `retryAfterMs` says when trying again makes sense.
 */
export class CircuitOpenError extends ExecutionError {
  /** Breaker name. */
  readonly circuit: string;
  /** The breaker state that refused the call. */
  readonly state: string;
  /** How long (ms) until the breaker will admit a probe; `Infinity` while isolated. */
  readonly retryAfterMs: number;

  constructor(message: string, options: CircuitOpenErrorOptions) {
    super(REL_ERROR_CODES.CIRCUIT_OPEN, message, options);
    this.name = 'CircuitOpenError';
    this.circuit = options.circuit;
    this.state = options.state;
    this.retryAfterMs = options.retryAfterMs;
  }
}

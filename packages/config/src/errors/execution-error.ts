import type { AttemptRecord } from '../primitives/outcome.js';
import type { RelErrorCode } from './codes.js';
import { RelError } from './rel-error.js';

/** Options shared by the errors that end a reliable call. */
export interface ExecutionErrorOptions {
  /** Service (dependency) name the call was for. */
  readonly service?: string;
  /** Every attempt made, in order. */
  readonly attempts?: readonly AttemptRecord[];
  /** Wall time of the whole call (ms), sleeps included. */
  readonly totalTimeMs?: number;
  /** The last underlying failure. */
  readonly cause?: unknown;
}

/**
 * Base of the errors that end a reliable call. Each carries every attempt made, so a
 * caller (or a log line) can see exactly what happened without a second lookup.
 */
export class ExecutionError extends RelError {
  /** Service (dependency) name, or `"unknown"`. */
  readonly service: string;
  /** Every attempt made, in order; `attempts.length` is the exact invocation count. */
  readonly attempts: readonly AttemptRecord[];
  /** Wall time of the whole call (ms), sleeps included. */
  readonly totalTimeMs: number;

  constructor(code: RelErrorCode, message: string, options: ExecutionErrorOptions = {}) {
    super(code, message, 'cause' in options ? { cause: options.cause } : {});
    this.name = 'ExecutionError';
    this.service = options.service ?? 'unknown';
    this.attempts = options.attempts ?? [];
    this.totalTimeMs = options.totalTimeMs ?? 0;
  }
}

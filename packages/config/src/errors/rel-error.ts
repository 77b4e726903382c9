import type { RelErrorCode } from './codes.js';

/**
 * Brand that marks every @rel error. `Symbol.for` makes it survive duplicate installs
 * (two copies of @rel in one process still recognise each other's errors), where
 * `instanceof` would not.
 */
const REL_ERROR_BRAND: unique symbol = Symbol.for('@rel/error') as never;

/** Options accepted by every {@link RelError} subclass. */
export interface RelErrorOptions {
  /** The underlying error, if any. Shown by Node's inspector and kept for callers. */
  readonly cause?: unknown;
}

/**
 * Base class of every error @rel throws. Each subclass has one {@link RelErrorCode}
 * and sets `name`, so logs and `switch (error.code)` both read well.
 *
 * @example
 * ```ts
 * try { await handler.execute(op); }
 * catch (e) { if (isRelError(e, 'REL_CIRCUIT_OPEN')) showBusy(e.retryAfterMs); }
 * ```
 */
export class RelError extends Error {
  /** Stable machine-readable code. */
  readonly code: RelErrorCode;
  /** @internal brand read by {@link isRelError}. */
  readonly [REL_ERROR_BRAND] = true;

  constructor(code: RelErrorCode, message: string, options: RelErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.name = 'RelError';
  }
}

/**
 * True when `value` is an @rel error (from any installed copy), optionally with a given code.
 *
 * @example
 * ```ts
 * if (isRelError(err, 'REL_DEADLINE_EXCEEDED')) { ... }
 * ```
 */
export function isRelError(value: unknown, code?: RelErrorCode): value is RelError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[REL_ERROR_BRAND] !== true) return false;
  return code === undefined || (value as RelError).code === code;
}

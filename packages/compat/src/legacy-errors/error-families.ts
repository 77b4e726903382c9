import { isRelError, REL_ERROR_CODES } from '@rel/config';

// The legacy services caught Python exception classes. JavaScript has no such classes, so
// each family is defined here by what Node and fetch actually throw. The lists are
// narrower than the canonical classifier's `transient` on purpose: a legacy retryable set
// retried only what it named, and anything unnamed stopped.

/** Node system and undici codes of a broken or refused connection (Python's `ConnectionError`). */
export const CONNECTION_ERROR_CODES: readonly string[] = Object.freeze([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Codes of a timed-out socket or request (Python's `TimeoutError`). */
export const TIMEOUT_ERROR_CODES: readonly string[] = Object.freeze([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Errors that are bugs in the calling code, never worth a retry. */
export const PROGRAMMING_ERROR_NAMES: readonly string[] = Object.freeze([
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
]);

interface Facts {
  readonly name: string | undefined;
  readonly message: string;
  readonly codes: readonly string[];
}

/** Name, message and every `code` along the cause chain (fetch hides the socket code in `cause`). */
function facts(error: unknown): Facts {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  const e = error as { name?: unknown; message?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : undefined;
  const message = typeof e?.message === 'string' ? e.message : '';
  return { name, message, codes };
}

/**
 * Python's `ConnectionError` in JavaScript: a Node/undici connection code anywhere in the
 * cause chain (`ECONNRESET`, `ECONNREFUSED`, `EPIPE`, `EAI_AGAIN`, ...), fetch's
 * `TypeError: fetch failed` / `terminated`, or an error named `ConnectionError` /
 * `APIConnectionError` (the OpenAI and Anthropic SDKs).
 *
 * @example
 * ```ts
 * isConnectionError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })); // true
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function isConnectionError(error: unknown): boolean {
  const f = facts(error);
  if (f.name === 'ConnectionError' || f.name === 'APIConnectionError') return true;
  if (f.codes.some((c) => CONNECTION_ERROR_CODES.includes(c))) return true;
  return f.name === 'TypeError' && (f.message === 'fetch failed' || f.message === 'terminated');
}

/**
 * Python's `TimeoutError` in JavaScript: a `TimeoutError` (what `AbortSignal.timeout()`
 * throws), an `APIConnectionTimeoutError`, a timeout code (`ETIMEDOUT`, undici's
 * `UND_ERR_*_TIMEOUT`, ...), or an @rel attempt timeout (`REL_ATTEMPT_TIMEOUT`).
 *
 * @example
 * ```ts
 * isTimeoutError(AbortSignal.timeout(0).reason); // true (a DOMException named TimeoutError)
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function isTimeoutError(error: unknown): boolean {
  if (isRelError(error, REL_ERROR_CODES.ATTEMPT_TIMEOUT)) return true;
  const f = facts(error);
  if (f.name === 'TimeoutError' || f.name === 'APIConnectionTimeoutError') return true;
  return f.codes.some((c) => TIMEOUT_ERROR_CODES.includes(c));
}

/**
 * Python's `RuntimeError` in JavaScript: a plain `Error` (its `name` is `"Error"`: thrown
 * with `new Error(...)` or a subclass that did not name itself) or an error named
 * `RuntimeError`. A named error class (`ValidationError`, `TypeError`) is not one.
 *
 * @example
 * ```ts
 * isRuntimeError(new Error('upstream hiccup')); // true
 * isRuntimeError(new RangeError('bad index')); // false
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function isRuntimeError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'Error' || error.name === 'RuntimeError';
}

/**
 * Python's `ValueError` in JavaScript: a `RangeError` or an error named `ValueError`.
 *
 * @example
 * ```ts
 * isValueError(new RangeError('maxAttempts must be >= 1')); // true
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function isValueError(error: unknown): boolean {
  const name = facts(error).name;
  return name === 'RangeError' || name === 'ValueError';
}

/**
 * A programming error (a bug, not a failure of the dependency): `TypeError` (other than
 * fetch's network `TypeError`s), `RangeError`, `SyntaxError`, `ReferenceError`,
 * `EvalError`, `URIError`.
 *
 * @example
 * ```ts
 * isProgrammingError(new TypeError("Cannot read properties of undefined (reading 'id')")); // true
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function isProgrammingError(error: unknown): boolean {
  const name = facts(error).name;
  return name !== undefined && PROGRAMMING_ERROR_NAMES.includes(name) && !isConnectionError(error);
}

/**
 * A failure of the operation itself, which a legacy retryable set may decide on: anything
 * the operation threw except the reliability machinery's own errors (a caller's
 * cancellation, an open circuit, a deadline, an exhausted budget, an inner retry that
 * already gave up, a non-retryable verdict), which keep their canonical meaning. An @rel
 * attempt timeout is the one @rel error that counts, as Python's `TimeoutError`.
 * @internal
 */
export function isOperationFailure(error: unknown): boolean {
  if (isRelError(error)) return error.code === REL_ERROR_CODES.ATTEMPT_TIMEOUT;
  return facts(error).name !== 'AbortError';
}

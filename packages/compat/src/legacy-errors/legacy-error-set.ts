import { RelConfigError, type ErrorClass, type ErrorMatcher, type ValidationIssue } from '@rel/config';
import {
  isConnectionError,
  isOperationFailure,
  isRuntimeError,
  isTimeoutError,
  isValueError,
} from './error-families.js';

/**
 * One entry of a legacy retryable / non-retryable set: an error class (matches by
 * `instanceof`), a predicate `(error) => boolean`, or a legacy exception name
 * (`'ConnectionError'`, `'TimeoutError'`, `'RuntimeError'`, `'Exception'`, ... see
 * {@link LEGACY_EXCEPTION_NAMES}; any other name matches `error.name`).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export type LegacyErrorSpec = ErrorClass | ((error: unknown) => boolean) | string;

/**
 * A legacy set of error kinds, e.g. `[ConnectionError, 'TimeoutError']`.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export type LegacyErrorSet = readonly LegacyErrorSpec[];

type Predicate = (error: unknown) => boolean;

const codeIn =
  (...codes: string[]): Predicate =>
  (error) =>
    typeof error === 'object' &&
    error !== null &&
    codes.includes((error as { code?: unknown }).code as string);
const named =
  (...names: string[]): Predicate =>
  (error) =>
    error instanceof Error && names.includes(error.name);
const isSystemError: Predicate = (error) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
};

/**
 * The Python exception names the legacy configs used, and what each means in JavaScript.
 * `Exception` matches anything thrown, as `except Exception` did.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const LEGACY_EXCEPTION_NAMES: Readonly<Record<string, Predicate>> = Object.freeze({
  Exception: () => true,
  BaseException: () => true,
  ConnectionError: isConnectionError,
  TimeoutError: isTimeoutError,
  'asyncio.TimeoutError': isTimeoutError,
  RuntimeError: isRuntimeError,
  ValueError: isValueError,
  OSError: (e: unknown) => isSystemError(e) || isConnectionError(e) || isTimeoutError(e),
  IOError: (e: unknown) => isSystemError(e) || isConnectionError(e) || isTimeoutError(e),
  // fetch reports network failures as TypeErrors; those are connection errors, not bugs.
  TypeError: (e: unknown) => named('TypeError')(e) && !isConnectionError(e),
  AttributeError: (e: unknown) => named('TypeError', 'AttributeError')(e) && !isConnectionError(e),
  KeyError: named('KeyError'),
  NotImplementedError: named('NotImplementedError'),
  ImportError: (e: unknown) => named('ImportError')(e) || codeIn('ERR_MODULE_NOT_FOUND')(e),
  PermissionError: (e: unknown) => named('PermissionError')(e) || codeIn('EACCES', 'EPERM')(e),
  FileNotFoundError: (e: unknown) => named('FileNotFoundError')(e) || codeIn('ENOENT')(e),
  IsADirectoryError: (e: unknown) => named('IsADirectoryError')(e) || codeIn('EISDIR')(e),
});

// Same rule as @rel/retry's matchers: a class cannot be called as a predicate, so Error
// subclasses (and anything written with `class`) match by instanceof.
function isClass(fn: ErrorClass | Predicate): fn is ErrorClass {
  const proto: unknown = (fn as { prototype?: unknown }).prototype;
  if (proto instanceof Error || fn === (Error as unknown)) return true;
  return proto !== undefined && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function compileOne(spec: LegacyErrorSpec): Predicate {
  if (typeof spec === 'string') return LEGACY_EXCEPTION_NAMES[spec] ?? named(spec);
  if (isClass(spec)) return (error) => error instanceof spec;
  return (error) => {
    try {
      return spec(error) === true;
    } catch {
      return false;
    }
  };
}

/**
 * Validates a legacy error set and compiles it into one predicate ("does this error belong
 * to the set?").
 *
 * @param set - the legacy set.
 * @param path - the field name, for the error message.
 * @throws {@link RelConfigError} naming each entry that is not a class, predicate or name.
 * @example
 * ```ts
 * const retryable = compileLegacyErrorSet(['ConnectionError', 'TimeoutError'], 'retryableExceptions');
 * retryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' })); // true
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function compileLegacyErrorSet(set: LegacyErrorSet, path: string): Predicate {
  if (!Array.isArray(set)) {
    throw new RelConfigError(
      [{ path, received: set, expected: 'an array of error classes, predicates or exception names' }],
      'legacy error set',
    );
  }
  const issues: ValidationIssue[] = [];
  set.forEach((spec: unknown, i) => {
    if (typeof spec === 'function') return;
    if (typeof spec === 'string' && spec.trim() !== '') return;
    issues.push({
      path: `${path}[${i}]`,
      received: spec,
      expected:
        'an error class, a predicate (error) => boolean, or an exception name such as "ConnectionError"',
    });
  });
  if (issues.length > 0) throw new RelConfigError(issues, 'legacy error set');
  const compiled = set.map(compileOne);
  return (error) => compiled.some((matches) => matches(error));
}

/**
 * The canonical matchers of a legacy retryable / non-retryable pair.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyRetryMatchers {
  /** Makes a canonical `permanent` verdict retryable when the legacy set retried it. */
  readonly retryOn: ErrorMatcher[];
  /** Stops on what the legacy handler stopped on: a non-retryable error, or one not in the retryable set. */
  readonly neverRetryOn: ErrorMatcher[];
}

/**
 * Turns a legacy retryable set (and an optional non-retryable set, which wins) into the
 * canonical `retryOn` / `neverRetryOn` of a `RetryConfig`, with the legacy meaning:
 * an error is retried iff it is in `retryable` and not in `nonRetryable`. Cancellations,
 * open circuits, deadlines and budgets keep their canonical kinds.
 *
 * @example
 * ```ts
 * parseRetryConfig({ ...legacyRetryMatchers(['ConnectionError', 'TimeoutError', 'RuntimeError']) });
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function legacyRetryMatchers(
  retryable: LegacyErrorSet | Predicate,
  nonRetryable: LegacyErrorSet | Predicate = [],
): LegacyRetryMatchers {
  const isRetryable =
    typeof retryable === 'function' ? retryable : compileLegacyErrorSet(retryable, 'retryable');
  const isNever =
    typeof nonRetryable === 'function' ? nonRetryable : compileLegacyErrorSet(nonRetryable, 'nonRetryable');
  const retried = (error: unknown): boolean => !isNever(error) && isRetryable(error);
  return {
    retryOn: [(error: unknown) => isOperationFailure(error) && retried(error)],
    neverRetryOn: [(error: unknown) => isOperationFailure(error) && !retried(error)],
  };
}

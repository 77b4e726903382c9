import { RelConfigError, type ValidationIssue } from '@rel/config';

/** Seconds an operation may take when the call gives no timeout (`timeout or 30.0`). */
export const DEFAULT_OPERATION_TIMEOUT = 30.0;

const MAX_TIMEOUT_SECONDS = 86_400;

/**
 * Checks the arguments of `executeWithReliability` and returns the timeout in seconds
 * (absent, `null` and `0` all mean {@link DEFAULT_OPERATION_TIMEOUT}, as the legacy
 * `timeout or 30.0`). Misuse is a {@link RelConfigError} naming every bad argument, thrown
 * before the call, so it is never recorded as an agent failure nor "recovered".
 * @internal
 */
export function checkCall(
  operation: unknown,
  operationName: unknown,
  fallback: unknown,
  timeout: unknown,
  context: unknown,
): number {
  const issues: ValidationIssue[] = [];
  if (typeof operation !== 'function')
    issues.push({ path: 'operation', received: operation, expected: 'a function' });
  if (typeof operationName !== 'string')
    issues.push({ path: 'operationName', received: operationName, expected: 'a string' });
  if (fallback != null && typeof fallback !== 'function')
    issues.push({ path: 'fallback', received: fallback, expected: 'a function' });
  // `timeout or 30.0`: absent, null and 0 all mean the default.
  const seconds = timeout == null || timeout === 0 ? DEFAULT_OPERATION_TIMEOUT : timeout;
  if (!(typeof seconds === 'number' && seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS))
    issues.push({ path: 'timeout', received: timeout, expected: 'a number of seconds in (0, 86400]' });
  if (context != null && (typeof context !== 'object' || Array.isArray(context)))
    issues.push({ path: 'context', received: context, expected: 'an object' });
  if (issues.length > 0) throw new RelConfigError(issues, 'executeWithReliability');
  return seconds as number;
}

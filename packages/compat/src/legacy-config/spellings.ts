import { describeValue, RelConfigError } from '@rel/config';

/**
 * One legacy option given in camelCase, snake_case or both: the value, or a
 * `RelConfigError` when both spellings are set to different values.
 *
 * @example
 * ```ts
 * const attempts = oneSpelling(o.maxAttempts, o.max_attempts, 'max_attempts', 'withRetry options');
 * ```
 * @internal
 */
export function oneSpelling<T>(
  camel: T | undefined,
  snake: T | undefined,
  snakeName: string,
  subject: string,
): T | undefined {
  if (camel !== undefined && snake !== undefined && camel !== snake) {
    throw new RelConfigError(
      [
        {
          path: snakeName,
          received: snake,
          expected: `the same value as its camelCase spelling (${describeValue(camel)})`,
        },
      ],
      subject,
    );
  }
  return camel ?? snake;
}

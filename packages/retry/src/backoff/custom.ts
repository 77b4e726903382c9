import { RelConfigError, type CustomDelayInput } from '@rel/config';

/**
 * Runs a user's custom delay function and checks what it returned: a finite number >= 0
 * (or `Infinity`, which the cap turns into `maxDelayMs`). Anything else is a bug in the
 * function and is reported as a {@link RelConfigError} naming the field and the value,
 * never silently turned into "no delay".
 *
 * @param delay - the `backoff.delay` function of the config.
 * @param input - attempt (1-based), previous delay and the failure.
 * @returns the raw delay (ms), before jitter and cap.
 * @throws {@link RelConfigError} when the function returns NaN, a negative number or a non-number.
 * @example
 * ```ts
 * const backoff = createBackoff({ ...config, backoff: { kind: 'custom', delay: ({ attempt }) => attempt * 250 } });
 * ```
 */
export function customDelay(delay: (input: CustomDelayInput) => number, input: CustomDelayInput): number {
  const value: unknown = delay(input);
  if (typeof value === 'number' && value >= 0) return value;
  throw new RelConfigError(
    [
      {
        path: 'backoff.delay',
        received: value,
        expected: `a number of milliseconds >= 0 (returned for attempt ${input.attempt})`,
      },
    ],
    'custom backoff result',
  );
}

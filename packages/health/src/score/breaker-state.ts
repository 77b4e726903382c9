import { RelValidationError, REL_ERROR_CODES } from '@rel/config';

/**
 * Circuit breaker states as @rel/circuit names them. Health only reads the name, so it
 * does not depend on @rel/circuit (any object with a `state` string plugs in).
 */
export const BREAKER_STATES = ['closed', 'open', 'half_open', 'isolated', 'disabled'] as const;

/** One of {@link BREAKER_STATES}. */
export type BreakerState = (typeof BREAKER_STATES)[number];

/**
 * Anything that exposes a breaker's current state, such as a @rel/circuit breaker (its
 * `AttemptGate.state`). Read whenever the score is computed.
 */
export interface BreakerStateSource {
  readonly state: string;
}

const KNOWN: Readonly<Record<string, BreakerState | undefined>> = Object.assign(
  Object.create(null) as Record<string, BreakerState | undefined>,
  Object.fromEntries(BREAKER_STATES.map((s) => [s, s])),
);

/**
 * Returns `value` as a {@link BreakerState}, or throws a `RelValidationError`
 * (`REL_INVALID_EVENT`) naming the value and the allowed states.
 *
 * @example
 * ```ts
 * toBreakerState('half_open'); // 'half_open'
 * toBreakerState('HALF_OPEN'); // throws: expected one of "closed" | "open" | ...
 * ```
 */
export function toBreakerState(value: unknown, path = 'breakerState'): BreakerState {
  const state = typeof value === 'string' ? KNOWN[value] : undefined;
  if (state !== undefined) return state;
  throw new RelValidationError(REL_ERROR_CODES.INVALID_EVENT, 'breaker state', [
    { path, received: value, expected: `one of ${BREAKER_STATES.map((s) => `"${s}"`).join(' | ')}` },
  ]);
}

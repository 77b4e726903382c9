import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = { CLOSED: 'closed', OPEN: 'open', HALF_OPEN: 'half_open' } as const;

/**
 * The legacy agents `CircuitState` enum (an `as const` object with the legacy values).
 *
 * @deprecated Use `CircuitState` / `CIRCUIT_STATES` from `@rel/circuit` (same lower-case
 * values, plus `isolated` and `disabled`). Removed in 2.0.0 (REL_DEP031).
 * @example
 * ```ts
 * if (manager.getCircuitStatus().state === CircuitState.OPEN) showBusy();
 * ```
 */
export const CircuitState: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP031');

/**
 * A value of {@link CircuitState}.
 * @deprecated Use `CircuitState` from `@rel/circuit`. Removed in 2.0.0 (REL_DEP031).
 */
export type CircuitState = (typeof VALUES)[keyof typeof VALUES];

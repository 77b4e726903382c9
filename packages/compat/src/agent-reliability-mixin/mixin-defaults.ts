import { isRelError, REL_ERROR_CODES, RelConfigError } from '@rel/config';
import { isProgrammingError } from '../legacy-errors/error-families.js';
import type { AgentErrorSeverity } from './agent-error.js';

// The settings and rules every agent of the legacy mixin starts with.

/** The legacy mixin's breaker: 3 failures, 30 s recovery (`_get_circuit_breaker_config`). */
export const MIXIN_CIRCUIT_CONFIG = Object.freeze({ failure_threshold: 3, recovery_timeout: 30.0 });
/** The legacy mixin's retries: 2 retries (3 attempts), 1 s base, 10 s cap (`_get_retry_config`). */
export const MIXIN_RETRY_CONFIG = Object.freeze({ max_retries: 2, base_delay: 1.0, max_delay: 10.0 });

/** A positive integer setting, or a {@link RelConfigError} naming it. @internal */
export function positiveInteger(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new RelConfigError(
    [{ path, received: value, expected: 'a positive integer' }],
    'AgentReliabilityMixin',
  );
}

/**
 * The severity recorded for a failure (the legacy classifier lived in the unified error
 * handler, which the mixin could not import): a bug in the calling code or a call refused
 * by an open circuit is `high`, anything else (timeouts, connection and service errors)
 * `medium`.
 * @internal
 */
export function severityOf(error: unknown): AgentErrorSeverity {
  return isProgrammingError(error) || isRelError(error, REL_ERROR_CODES.CIRCUIT_OPEN) ? 'high' : 'medium';
}

/**
 * Every error code that @rel throws, in one place. Codes are stable API: match on
 * `error.code`, never on messages. A code is never reused for a different meaning.
 */
export const REL_ERROR_CODES = {
  /** A configuration value failed validation. */
  CONFIG_INVALID: 'REL_CONFIG_INVALID',
  /** Every allowed attempt failed. */
  RETRY_EXHAUSTED: 'REL_RETRY_EXHAUSTED',
  /** An attempt failed with an error the classifier calls permanent; it was not retried. */
  NON_RETRYABLE: 'REL_NON_RETRYABLE',
  /** The overall deadline passed, or the next wait would have overrun it. */
  DEADLINE_EXCEEDED: 'REL_DEADLINE_EXCEEDED',
  /** A single attempt ran longer than its attempt timeout. */
  ATTEMPT_TIMEOUT: 'REL_ATTEMPT_TIMEOUT',
  /** The caller's AbortSignal fired. Never counted as a dependency failure. */
  CANCELLED: 'REL_CANCELLED',
  /** The circuit breaker refused the call. */
  CIRCUIT_OPEN: 'REL_CIRCUIT_OPEN',
  /** The retry budget refused a retry. */
  BUDGET_EXHAUSTED: 'REL_BUDGET_EXHAUSTED',
  /** The bulkhead was full (and its queue, if any). */
  BULKHEAD_REJECTED: 'REL_BULKHEAD_REJECTED',
  /** A registry already holds an instance of that name with a different configuration. */
  REGISTRY_CONFLICT: 'REL_REGISTRY_CONFLICT',
  /** An event or message failed schema validation. */
  INVALID_EVENT: 'REL_INVALID_EVENT',
  /** An operation was used in a way its state does not allow (e.g. emitting after a run ended). */
  INVALID_STATE: 'REL_INVALID_STATE',
  /** A stored snapshot (e.g. of a circuit breaker) failed validation on restore. */
  SNAPSHOT_INVALID: 'REL_SNAPSHOT_INVALID',
} as const;

/** Union of every {@link REL_ERROR_CODES} value. */
export type RelErrorCode = (typeof REL_ERROR_CODES)[keyof typeof REL_ERROR_CODES];

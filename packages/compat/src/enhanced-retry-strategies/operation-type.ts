import { RelConfigError, suggest } from '@rel/config';
import { deprecatedConstants } from '../deprecation/deprecated-constants.js';

const VALUES = {
  DATABASE_WRITE: 'database_write',
  DATABASE_READ: 'database_read',
  LLM_REQUEST: 'llm_request',
  WEBSOCKET_SEND: 'websocket_send',
  FILE_OPERATION: 'file_operation',
  EXTERNAL_API: 'external_api',
  AGENT_EXECUTION: 'agent_execution',
  CACHE_OPERATION: 'cache_operation',
} as const;

/**
 * The Era A `core/error_recovery.OperationType` (a Python `Enum`; here an `as const`
 * object with the same members and lower-case values). It picks the strategy of
 * `RetryStrategyFactory.createStrategy` and the row of `DEFAULT_RETRY_CONFIGS`. Not the
 * Era B enum of the same name (`DATABASE_OPERATION`, `API_CALL`, ...), whose values this
 * family never accepted.
 *
 * @deprecated Name the dependency instead: a reliability instance per dependency
 * (`getDefaultManager().get('orders-db', DATABASE_RELIABILITY_PROFILE)` from `@rel/core`),
 * with the profiles of `@rel/config`. Removed in 2.0.0 (REL_DEP060).
 * @example
 * ```ts
 * const strategy = RetryStrategyFactory.createStrategy(OperationType.DATABASE_READ);
 * ```
 */
export const OperationType: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP060');

/**
 * One of the {@link OperationType} values (`'database_read'`, ...).
 * @deprecated Use a reliability profile of `@rel/config` per dependency. Removed in 2.0.0 (REL_DEP060).
 */
export type OperationType = (typeof VALUES)[keyof typeof VALUES];

/** The values, without counting a use. @internal */
export const OPERATION_TYPE_VALUES: readonly OperationType[] = Object.freeze(Object.values(VALUES));

/**
 * The operation type given, checked: a legacy call site passes an enum member (a string
 * here), so anything else (an Era B value such as `'api_call'`) is a configuration error
 * with a "did you mean", where the legacy code failed later with an `AttributeError`.
 * @internal
 */
export function checkOperationType(value: unknown, path = 'operation_type'): OperationType {
  if (typeof value === 'string' && (OPERATION_TYPE_VALUES as readonly string[]).includes(value)) {
    return value as OperationType;
  }
  const hint = typeof value === 'string' ? suggest(value, OPERATION_TYPE_VALUES) : undefined;
  throw new RelConfigError(
    [
      {
        path,
        received: value,
        expected: `an Era A OperationType value: ${OPERATION_TYPE_VALUES.join(', ')}`,
        ...(hint === undefined ? {} : { suggestion: hint }),
      },
    ],
    'OperationType',
  );
}

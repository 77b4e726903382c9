import { RelConfigError, type ValidationIssue } from '@rel/config';
import { legacyClock } from '../delegate/legacy-instance.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { ERROR_SEVERITY_VALUES, MEDIUM, type ErrorSeverity } from './error-severity.js';
import { checkOperationType, type OperationType } from './operation-type.js';

/**
 * What `new RecoveryContext(...)` takes: the Era A dataclass fields, snake_case (as the
 * legacy keyword arguments) or camelCase.
 * @deprecated Use the attempt records of a `ReliabilityResult` (`@rel/core`) and the
 * `AttemptContext` of an operation (`@rel/retry`). Removed in 2.0.0 (REL_DEP062).
 */
export interface RecoveryContextInit {
  /** Names the operation (the key of `recordAttempt`). */
  readonly operation_id?: string;
  readonly operationId?: string;
  /** Required by the legacy dataclass; optional here (no strategy reads it). */
  readonly operation_type?: OperationType;
  readonly operationType?: OperationType;
  /** The failure being decided on. */
  readonly error?: unknown;
  /** @defaultValue `'medium'` (required by the legacy dataclass) */
  readonly severity?: ErrorSeverity;
  /** Retries already made (0 before the first retry). @defaultValue 0 */
  readonly retry_count?: number;
  readonly retryCount?: number;
  /** Informational: the strategies compare against their config's `max_retries`. @defaultValue 3 */
  readonly max_retries?: number;
  readonly maxRetries?: number;
  /** When the operation started. @defaultValue now, on the default manager's clock */
  readonly started_at?: Date;
  readonly startedAt?: Date;
  /** Free-form facts; `ApiRetryStrategy` reads `status_code`. @defaultValue `{}` */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

// Contexts built by executeWithRetry are not a use of the name by the caller.
let internal = false;

/** Builds a context without counting a use of `RecoveryContext` (for `executeWithRetry`). @internal */
export function internalContext(init: RecoveryContextInit): RecoveryContext {
  internal = true;
  try {
    return new RecoveryContext(init);
  } finally {
    internal = false;
  }
}

function pick<T>(
  camel: T | undefined,
  snake: T | undefined,
  key: string,
  issues: ValidationIssue[],
): T | undefined {
  if (camel !== undefined && snake !== undefined && camel !== snake) {
    issues.push({ path: key, received: snake, expected: 'the same value as its camelCase spelling' });
  }
  return camel ?? snake;
}

/**
 * The Era A `core/error_recovery.RecoveryContext`: what a strategy's `shouldRetry` decides
 * on (the error, its severity, the retries made so far and free-form metadata).
 * Members are camelCase (`retryCount`, `startedAt`); `elapsedTime` is in seconds, on the
 * default manager's clock (a fake clock in tests).
 *
 * @deprecated Use the attempt records of a `ReliabilityResult` (`@rel/core`) and the
 * `AttemptContext` of an operation (`@rel/retry`); the canonical engine counts retries
 * itself. Removed in 2.0.0 (REL_DEP062).
 * @example
 * ```ts
 * const context = new RecoveryContext({
 *   operation_id: 'load_user',
 *   operation_type: OperationType.DATABASE_READ,
 *   error: new Error('connection reset'),
 *   severity: ErrorSeverity.HIGH,
 *   retry_count: 1,
 * });
 * new DatabaseRetryStrategy(DEFAULT_RETRY_CONFIGS.database_read).shouldRetry(context); // true
 * ```
 */
export class RecoveryContext {
  readonly operationId: string;
  readonly operationType: OperationType | undefined;
  readonly error: unknown;
  readonly severity: ErrorSeverity;
  readonly retryCount: number;
  readonly maxRetries: number;
  readonly startedAt: Date;
  readonly metadata: Readonly<Record<string, unknown>>;

  /** @throws {@link RelConfigError} naming every bad field. */
  constructor(init: RecoveryContextInit = {}) {
    if (!internal) useLegacy('REL_DEP062');
    const issues: ValidationIssue[] = [];
    const count = (v: number | undefined, key: string, fallback: number): number => {
      if (v === undefined) return fallback;
      if (Number.isInteger(v) && v >= 0) return v;
      issues.push({ path: key, received: v, expected: 'an integer >= 0' });
      return fallback;
    };
    this.operationId = pick(init.operationId, init.operation_id, 'operation_id', issues) ?? 'unknown';
    const type = pick(init.operationType, init.operation_type, 'operation_type', issues);
    this.operationType = type === undefined ? undefined : checkOperationType(type);
    this.error = init.error;
    const severity = init.severity ?? MEDIUM;
    if (!ERROR_SEVERITY_VALUES.includes(severity)) {
      issues.push({ path: 'severity', received: severity, expected: ERROR_SEVERITY_VALUES.join(' | ') });
    }
    this.severity = severity;
    this.retryCount = count(pick(init.retryCount, init.retry_count, 'retry_count', issues), 'retry_count', 0);
    this.maxRetries = count(pick(init.maxRetries, init.max_retries, 'max_retries', issues), 'max_retries', 3);
    this.startedAt =
      pick(init.startedAt, init.started_at, 'started_at', issues) ?? new Date(legacyClock().now());
    this.metadata = Object.freeze({ ...init.metadata });
    if (issues.length > 0) throw new RelConfigError(issues, 'RecoveryContext');
  }

  /** Seconds since `startedAt`, on the default manager's clock. */
  get elapsedTime(): number {
    return (legacyClock().now() - this.startedAt.getTime()) / 1000;
  }
}

/**
 * A context as `shouldRetry` accepts it: a {@link RecoveryContext}, or a plain object of
 * the same fields (either spelling), as legacy tests built them.
 * @deprecated Use the attempt records of a `ReliabilityResult` (`@rel/core`). Removed in 2.0.0 (REL_DEP062).
 */
export type RecoveryContextLike = RecoveryContext | RecoveryContextInit;

/** A {@link RecoveryContextLike} as a context (no use counted). @internal */
export function toContext(context: RecoveryContextLike): RecoveryContext {
  return context instanceof RecoveryContext ? context : internalContext(context);
}

import { RelConfigError, type ValidationIssue } from '@rel/config';
import { useLegacy } from '../deprecation/warn-once.js';

/**
 * The legacy `ErrorSeverity` values (`core/error_codes.py`): `low`, `medium`, `high`,
 * `critical`.
 * @deprecated Use the canonical outcome kinds of `@rel/health` (`OutcomeCategory`:
 * transient, permanent, ...). Removed in 2.0.0 (REL_DEP084).
 */
export type AgentErrorSeverity = 'low' | 'medium' | 'high' | 'critical';

const SEVERITIES: readonly string[] = ['low', 'medium', 'high', 'critical'];

/**
 * The fields of an {@link AgentError}, as the legacy dataclass took them by keyword.
 * @deprecated Use `ErrorHistoryEntry` of `@rel/health`. Removed in 2.0.0 (REL_DEP084).
 */
export interface AgentErrorInit {
  readonly error_id: string;
  readonly agent_name: string;
  readonly operation: string;
  /** The class name of the error (`TypeError`, `DeadlineExceededError`, ...). */
  readonly error_type: string;
  readonly message: string;
  readonly timestamp: Date;
  readonly severity: AgentErrorSeverity;
  /** @defaultValue `{}` */
  readonly context?: Readonly<Record<string, unknown>>;
  /** @defaultValue `false` */
  readonly recovery_attempted?: boolean;
  /** @defaultValue `false` */
  readonly recovery_successful?: boolean;
}

function check(init: AgentErrorInit): void {
  const issues: ValidationIssue[] = [];
  for (const key of ['error_id', 'agent_name', 'operation', 'error_type', 'message'] as const) {
    if (typeof init[key] !== 'string') issues.push({ path: key, received: init[key], expected: 'a string' });
  }
  if (!(init.timestamp instanceof Date) || Number.isNaN(init.timestamp.getTime()))
    issues.push({ path: 'timestamp', received: init.timestamp, expected: 'a valid Date' });
  if (!SEVERITIES.includes(init.severity))
    issues.push({ path: 'severity', received: init.severity, expected: SEVERITIES.join(' | ') });
  if (init.context !== undefined && (typeof init.context !== 'object' || init.context === null))
    issues.push({ path: 'context', received: init.context, expected: 'an object' });
  if (issues.length > 0) throw new RelConfigError(issues, 'AgentError');
}

/**
 * The legacy `core/agent_reliability_types.AgentError` dataclass: one failed operation of
 * an agent, as the reliability mixin records it, with the legacy snake_case fields. A
 * frozen data object (the mixin replaces an entry to record its recovery rather than
 * mutating it, so a copy a caller holds never changes under it). Not an `Error`: it
 * describes a failure, it is not thrown.
 *
 * @deprecated Use the canonical error history of the reliability instance
 * (`ReliabilityInstance#health.errors()` / `HealthSnapshot.lastError`, `@rel/health`).
 * Removed in 2.0.0 (REL_DEP084).
 * @example
 * ```ts
 * const e = new AgentError({
 *   error_id: 'triage-1', agent_name: 'triage', operation: 'llm_call', error_type: 'TimeoutError',
 *   message: 'timed out', timestamp: new Date(), severity: 'medium',
 * });
 * e.recovery_attempted; // false
 * ```
 */
export class AgentError {
  declare readonly error_id: string;
  declare readonly agent_name: string;
  declare readonly operation: string;
  declare readonly error_type: string;
  declare readonly message: string;
  declare readonly timestamp: Date;
  declare readonly severity: AgentErrorSeverity;
  declare readonly context: Readonly<Record<string, unknown>>;
  declare readonly recovery_attempted: boolean;
  declare readonly recovery_successful: boolean;

  /** @throws {@link RelConfigError} naming every missing or mistyped field. */
  constructor(init: AgentErrorInit) {
    useLegacy('REL_DEP084');
    check(init);
    assign(this, init);
  }
}

function assign(target: AgentError, init: AgentErrorInit): AgentError {
  return Object.freeze(
    Object.assign(target, {
      error_id: init.error_id,
      agent_name: init.agent_name,
      operation: init.operation,
      error_type: init.error_type,
      message: init.message,
      // Copied: a Date is mutable, and a frozen record must not change through it.
      timestamp: new Date(init.timestamp.getTime()),
      severity: init.severity,
      context: Object.freeze({ ...(init.context ?? {}) }),
      recovery_attempted: init.recovery_attempted ?? false,
      recovery_successful: init.recovery_successful ?? false,
    }),
  );
}

/**
 * Builds an {@link AgentError} for the mixin's own records without counting a use of the
 * legacy name (the caller used the mixin, not `AgentError`). @internal
 */
export function agentError(init: AgentErrorInit): AgentError {
  return assign(Object.create(AgentError.prototype) as AgentError, init);
}

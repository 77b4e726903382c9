import { RelConfigError, type ValidationIssue } from '@rel/config';
import type { HealthSnapshot } from '@rel/health';
import { useLegacy } from '../deprecation/warn-once.js';
import { AgentError } from './agent-error.js';

/**
 * The fields of an {@link AgentHealthStatus}, as the legacy dataclass took them by keyword.
 * @deprecated Use `InstanceStatus` of `@rel/core` (`health`, `circuit`). Removed in 2.0.0 (REL_DEP085).
 */
export interface AgentHealthStatusInit {
  readonly agent_name: string;
  /** In [0, 1]. */
  readonly overall_health: number;
  /** `closed`, `open`, `half_open` (or the canonical `isolated` / `disabled`), `unknown`. */
  readonly circuit_breaker_state: string;
  readonly recent_errors: number;
  readonly total_operations: number;
  readonly success_rate: number;
  /** Seconds. */
  readonly average_response_time: number;
  /** @defaultValue `null` */
  readonly last_error?: AgentError | null;
  /** `healthy`, `degraded` or `unhealthy`. @defaultValue `'healthy'` */
  readonly status?: string;
  /**
   * The canonical health of the agent's reliability instance at the same moment (not a
   * legacy field; set by the mixin, so dashboards can compare the two scores).
   */
  readonly canonical_health?: HealthSnapshot;
}

function check(init: AgentHealthStatusInit): void {
  const issues: ValidationIssue[] = [];
  if (typeof init.agent_name !== 'string')
    issues.push({ path: 'agent_name', received: init.agent_name, expected: 'a string' });
  if (typeof init.circuit_breaker_state !== 'string')
    issues.push({
      path: 'circuit_breaker_state',
      received: init.circuit_breaker_state,
      expected: 'a string',
    });
  for (const key of [
    'overall_health',
    'recent_errors',
    'total_operations',
    'success_rate',
    'average_response_time',
  ] as const) {
    if (typeof init[key] !== 'number' || Number.isNaN(init[key]))
      issues.push({ path: key, received: init[key], expected: 'a number' });
  }
  if (init.last_error != null && !(init.last_error instanceof AgentError))
    issues.push({ path: 'last_error', received: init.last_error, expected: 'an AgentError or null' });
  if (init.status !== undefined && typeof init.status !== 'string')
    issues.push({ path: 'status', received: init.status, expected: 'a string' });
  if (issues.length > 0) throw new RelConfigError(issues, 'AgentHealthStatus');
}

/**
 * The legacy `core/agent_reliability_types.AgentHealthStatus` dataclass: an agent's health
 * as the reliability mixin reports it (`getComprehensiveHealthStatus()`), with the legacy
 * snake_case fields, frozen. The mixin's reports also carry `canonical_health`, the
 * `@rel/health` snapshot of the same agent, beside the legacy numbers.
 *
 * @deprecated Use `ReliabilityInstance#status()` of `@rel/core` (`health.score`,
 * `health.status`, `circuit.state`). Removed in 2.0.0 (REL_DEP085).
 * @example
 * ```ts
 * const h = agent.getComprehensiveHealthStatus();
 * if (h.status !== 'healthy') log.warn(`${h.agent_name}: ${h.overall_health.toFixed(2)}`);
 * ```
 */
export class AgentHealthStatus {
  declare readonly agent_name: string;
  declare readonly overall_health: number;
  declare readonly circuit_breaker_state: string;
  declare readonly recent_errors: number;
  declare readonly total_operations: number;
  declare readonly success_rate: number;
  declare readonly average_response_time: number;
  declare readonly last_error: AgentError | null;
  declare readonly status: string;
  declare readonly canonical_health?: HealthSnapshot;

  /** @throws {@link RelConfigError} naming every missing or mistyped field. */
  constructor(init: AgentHealthStatusInit) {
    useLegacy('REL_DEP085');
    check(init);
    assign(this, init);
  }
}

function assign(target: AgentHealthStatus, init: AgentHealthStatusInit): AgentHealthStatus {
  return Object.freeze(
    Object.assign(target, {
      agent_name: init.agent_name,
      overall_health: init.overall_health,
      circuit_breaker_state: init.circuit_breaker_state,
      recent_errors: init.recent_errors,
      total_operations: init.total_operations,
      success_rate: init.success_rate,
      average_response_time: init.average_response_time,
      last_error: init.last_error ?? null,
      status: init.status ?? 'healthy',
      // Only when given, so a legacy-built status compares equal to its fields alone.
      ...(init.canonical_health === undefined ? {} : { canonical_health: init.canonical_health }),
    }),
  );
}

/**
 * Builds an {@link AgentHealthStatus} for the mixin's own reports without counting a use
 * of the legacy name. @internal
 */
export function agentHealthStatus(init: AgentHealthStatusInit): AgentHealthStatus {
  return assign(Object.create(AgentHealthStatus.prototype) as AgentHealthStatus, init);
}

import type { AgentError } from './agent-error.js';

/**
 * `getErrorSummary()` of the legacy mixin (legacy keys; `last_error` only when there was one).
 * @deprecated Use `HealthSnapshot` of `@rel/health` (`recent`, `totals`, `lastError`). Removed in 2.0.0 (REL_DEP083).
 */
export interface AgentErrorSummary {
  /** Errors kept in the (bounded) error history. */
  readonly total_errors: number;
  /** Count by `error_type`. */
  readonly error_types: Readonly<Record<string, number>>;
  /** Errors in the last 5 minutes. */
  readonly recent_errors: number;
  /** The newest error; `timestamp` is ISO 8601. */
  readonly last_error?: { readonly type: string; readonly message: string; readonly timestamp: string };
}

/**
 * The legacy `UnifiedAgentHealthMonitor.get_error_summary(history)`: totals by type, the
 * errors at or after `recentSince` (clock ms), and the newest error.
 * @see the legacy `core/agent_health_monitor.py` `get_error_summary` (inventory §4.7)
 * @internal
 */
export function errorSummary(history: readonly AgentError[], recentSince: number): AgentErrorSummary {
  if (history.length === 0) return { total_errors: 0, error_types: {}, recent_errors: 0 };
  const types: Record<string, number> = {};
  let recent = 0;
  for (const e of history) {
    types[e.error_type] = (types[e.error_type] ?? 0) + 1;
    if (e.timestamp.getTime() >= recentSince) recent++;
  }
  const last = history[history.length - 1]!;
  return {
    total_errors: history.length,
    error_types: types,
    recent_errors: recent,
    last_error: { type: last.error_type, message: last.message, timestamp: last.timestamp.toISOString() },
  };
}

import { useLegacy } from '../deprecation/warn-once.js';
import type { LegacyCircuitConfigInput } from '../legacy-config/legacy-circuit-config.js';
import type { LegacyRetryConfigInput } from '../legacy-config/legacy-retry-config.js';
import { AgentReliabilityWrapper, type AgentHealthReport } from './agent-reliability-wrapper.js';

// The legacy module-level cache of wrappers, by agent name.
const wrappers = new Map<string, AgentReliabilityWrapper>();

/**
 * The legacy `get_reliability_wrapper(agentName, circuitBreakerConfig?, retryConfig?)`:
 * the wrapper of `agentName`, created on first use (later configs are ignored, as before).
 *
 * @deprecated Use `new AgentReliabilityWrapper(agentName, { manager })` from `@rel/core`.
 * Removed in 2.0.0 (REL_DEP033).
 * @example
 * ```ts
 * const reliability = getReliabilityWrapper('triage', { failure_threshold: 3 });
 * ```
 */
export function getReliabilityWrapper(
  agentName: string,
  circuitBreakerConfig?: LegacyCircuitConfigInput,
  retryConfig?: LegacyRetryConfigInput,
): AgentReliabilityWrapper {
  useLegacy('REL_DEP033');
  let wrapper = wrappers.get(agentName);
  if (wrapper === undefined) {
    wrapper = new AgentReliabilityWrapper(agentName, circuitBreakerConfig, retryConfig);
    wrappers.set(agentName, wrapper);
  }
  return wrapper;
}

/**
 * `getSystemHealth()` (legacy keys).
 * @deprecated Use `ReliabilityManager#health()` of `@rel/core`. Removed in 2.0.0.
 */
export interface LegacySystemHealth {
  readonly agents: Readonly<Record<string, AgentHealthReport>>;
  readonly total_agents: number;
  /** Agents whose legacy score is above 0.8. */
  readonly healthy_agents: number;
}

/**
 * The legacy `get_system_health()`: the health report of every wrapper made by
 * `getReliabilityWrapper`, and how many score above 0.8.
 *
 * @deprecated Use `ReliabilityManager#health()` from `@rel/core` (application/health+json
 * over every instance, legacy ones included). Removed in 2.0.0 (REL_DEP034).
 * @example
 * ```ts
 * const { healthy_agents, total_agents } = getSystemHealth();
 * ```
 */
export function getSystemHealth(): LegacySystemHealth {
  useLegacy('REL_DEP034');
  const agents: Record<string, AgentHealthReport> = {};
  let healthy = 0;
  for (const [name, wrapper] of wrappers) {
    const report = wrapper.getHealthStatus();
    agents[name] = report;
    if (report.health_score > 0.8) healthy++;
  }
  return { agents, total_agents: wrappers.size, healthy_agents: healthy };
}

/** Forgets every cached wrapper (tests). @internal */
export function clearReliabilityWrappers(): void {
  wrappers.clear();
}

// @rel/compat/reliability-manager: the legacy agents/base/reliability_manager module.
export { ReliabilityManager } from './reliability-manager.js';
export type { LegacyReliabilityManagerOptions } from './reliability-manager.js';
export { CircuitState } from './circuit-state.js';
export type {
  ReliabilityCircuitStatus,
  ReliabilityHealthCheck,
  ReliabilityHealthStatus,
} from './legacy-health.js';

// @rel/compat/reliability-manager: the legacy agents/base/reliability_manager module.
export { ReliabilityManager } from './reliability-manager.js';
export type { LegacyReliabilityManagerOptions } from './reliability-manager.js';
export { CircuitState } from './circuit-health.js';
export type {
  ReliabilityCircuitStatus,
  ReliabilityHealthCheck,
  ReliabilityHealthStatus,
} from './circuit-health.js';

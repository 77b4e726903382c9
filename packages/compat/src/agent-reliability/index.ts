// @rel/compat/agent-reliability: the legacy core/reliability module (AgentReliabilityWrapper).
export { AgentReliabilityWrapper, WRAPPER_NON_RETRYABLE } from './agent-reliability-wrapper.js';
export type { AgentHealthReport, AgentReliabilityWrapperOptions } from './agent-reliability-wrapper.js';
export { getReliabilityWrapper, getSystemHealth } from './registry.js';
export type { LegacySystemHealth } from './registry.js';
export type { LegacyErrorEntry } from './legacy-error-log.js';

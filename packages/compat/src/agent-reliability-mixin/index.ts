// @rel/compat/agent-reliability-mixin: the legacy core/agent_reliability_mixin module
// (AgentReliabilityMixin) with core/agent_reliability_types (AgentError, AgentHealthStatus).
export { AgentReliabilityMixin } from './agent-reliability-mixin.js';
export { AgentError } from './agent-error.js';
export type { AgentErrorInit, AgentErrorSeverity } from './agent-error.js';
export { AgentHealthStatus } from './agent-health-status.js';
export type { AgentHealthStatusInit } from './agent-health-status.js';
export type { AgentErrorSummary } from './error-summary.js';
export type { AgentRecoveryStrategy } from './recovery-strategies.js';

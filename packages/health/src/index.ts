// @rel/health: health tracking, health score, system health and health+json output.
// Prometheus metrics live behind the `@rel/health/prometheus` subpath (prom-client is optional).

// Tracker.
export { ReliabilityHealthTracker } from './tracker/health-tracker.js';
export type {
  HealthSample,
  HealthSnapshot,
  HealthStatusChange,
  HealthTrackerOptions,
  LatencySummary,
  WindowCounts,
} from './tracker/types.js';
export { OUTCOME_CATEGORIES } from './tracker/outcome-category.js';
export type { OutcomeCategory } from './tracker/outcome-category.js';
export { MAX_ERROR_MESSAGE_LENGTH } from './history/error-history.js';
export type { ErrorHistoryEntry } from './history/error-history.js';

// Score and status.
export { HEALTH_SCORE_WEIGHTS, healthScore, healthScoreBreakdown } from './score/health-score.js';
export type { HealthScoreBreakdown, HealthScoreInput } from './score/health-score.js';
export {
  HEALTH_STATUSES,
  changeDirection,
  nextStatus,
  statusForScore,
  statusRank,
  worseStatus,
} from './score/health-status.js';
export type { HealthStatus, StatusThresholds } from './score/health-status.js';
export { BREAKER_STATES, toBreakerState } from './score/breaker-state.js';
export type { BreakerState, BreakerStateSource } from './score/breaker-state.js';

// Latency histogram layout (for readers of the error bound).
export { HISTOGRAM_SIZE, RELATIVE_ERROR_BOUND } from './latency/log-linear.js';

// System health.
export { HealthRegistry } from './system/health-registry.js';
export type { HealthRegistryOptions, TrackerRegistration } from './system/health-registry.js';
export { aggregateSystemStatus } from './system/system-health.js';
export type { ServiceHealth, ServiceHealthResult, SystemHealth } from './system/system-health.js';

// application/health+json.
export { describeSnapshot, healthHttpStatus, toHealthJson, toHealthJsonStatus } from './json/health-json.js';
export type { HealthJsonOptions } from './json/health-json.js';
export {
  HEALTH_JSON_CONTENT_TYPE,
  HEALTH_JSON_STATUSES,
  HealthCheckEntrySchema,
  HealthCheckKeySchema,
  HealthJsonSchema,
} from './json/health-json-schema.js';
export type { HealthCheckEntry, HealthJson, HealthJsonStatus } from './json/health-json-schema.js';

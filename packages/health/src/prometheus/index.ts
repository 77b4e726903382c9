// @rel/health/prometheus: Prometheus metrics through prom-client (an optional peer dependency).
// The root entry never imports this file, so `@rel/health` works without prom-client.
export { HealthMetrics } from './health-metrics.js';
export type { CallObservation } from './health-metrics.js';
export { DEFAULT_DURATION_BUCKETS } from './metrics-options.js';
export type { HealthMetricsOptions } from './metrics-options.js';
export { LabelLimiter, OVERFLOW_LABEL } from './label-limiter.js';

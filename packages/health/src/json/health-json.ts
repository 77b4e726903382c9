import type { BreakerState } from '../score/breaker-state.js';
import type { HealthStatus } from '../score/health-status.js';
import type { ServiceHealth, SystemHealth } from '../system/system-health.js';
import type { HealthSnapshot } from '../tracker/types.js';
import type { HealthCheckEntry, HealthJson, HealthJsonStatus } from './health-json-schema.js';

/** Service-level fields of a health+json response. */
export interface HealthJsonOptions {
  /** Unique id of this service (e.g. `agent-api`). */
  readonly serviceId?: string;
  /** Public version of the service. */
  readonly version?: string;
  /** Release id (e.g. a build or commit). */
  readonly releaseId?: string;
  /** Human-readable description. @defaultValue "health of N tracked services" */
  readonly description?: string;
  /** Free-form notes. */
  readonly notes?: readonly string[];
}

/** Maps a status to health+json: healthy -> pass, degraded -> warn, unhealthy/critical -> fail. */
export function toHealthJsonStatus(status: HealthStatus): HealthJsonStatus {
  return status === 'healthy' ? 'pass' : status === 'degraded' ? 'warn' : 'fail';
}

/** The HTTP status code for a health+json status: 200 for pass and warn, 503 for fail. */
export function healthHttpStatus(status: HealthJsonStatus): 200 | 503 {
  return status === 'fail' ? 503 : 200;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const BREAKER_STATUS: Record<BreakerState, HealthJsonStatus> = {
  closed: 'pass',
  disabled: 'pass',
  half_open: 'warn',
  open: 'fail',
  isolated: 'fail',
};

/** Why a tracker is not healthy, in one line: its largest penalties and its last error. */
export function describeSnapshot(s: HealthSnapshot): string {
  const b = s.breakdown;
  const reasons: string[] = [];
  if (b.failureRate > 0)
    reasons.push(`${s.window.failures} of ${s.window.successes + s.window.failures} calls failed`);
  if (b.consecutiveFailures > 0) reasons.push(`${s.consecutiveFailures} consecutive failures`);
  if (b.breaker > 0) reasons.push(`circuit breaker ${s.breakerState ?? 'unknown'}`);
  if (b.latency > 0)
    reasons.push(`p95 ${s.latency.p95Ms ?? '?'} ms over the ${s.latency.sloMs ?? '?'} ms SLO`);
  if (b.budget > 0) reasons.push(`retry budget at ${round(s.budgetLevel ?? 0)}`);
  if (b.recentErrors > 0 && b.failureRate === 0) reasons.push(`${s.recent.failures} recent failures`);
  const last = s.lastError ? `; last error: ${s.lastError.kind}: ${s.lastError.message}` : '';
  return `${s.status} (score ${round(s.score)}): ${reasons.join(', ') || 'no failures'}${last}`;
}

function successRateStatus(s: HealthSnapshot): HealthJsonStatus {
  const r = s.window.successRate;
  return r >= s.thresholds.healthy ? 'pass' : r >= s.thresholds.degraded ? 'warn' : 'fail';
}

function latencyStatus(p95: number, slo: number | undefined): HealthJsonStatus {
  return slo === undefined || p95 <= slo ? 'pass' : p95 <= 2 * slo ? 'warn' : 'fail';
}

function entry(
  s: HealthSnapshot,
  time: string,
  observedValue: number | string,
  observedUnit: string | undefined,
  status: HealthJsonStatus,
  output: string | undefined,
): HealthCheckEntry {
  return {
    componentId: s.operation === undefined ? s.service : `${s.service}/${s.operation}`,
    componentType: 'component',
    observedValue,
    ...(observedUnit === undefined ? {} : { observedUnit }),
    status,
    time,
    ...(status === 'pass' || output === undefined ? {} : { output }),
  };
}

function addService(checks: Record<string, HealthCheckEntry[]>, service: ServiceHealth): void {
  const add = (measurement: string, e: HealthCheckEntry): void => {
    (checks[`${service.service}:${measurement}`] ??= []).push(e);
  };
  for (const s of service.trackers) {
    const time = new Date(s.time).toISOString();
    const status = toHealthJsonStatus(s.status);
    add('health', entry(s, time, round(s.score), 'score', status, describeSnapshot(s)));
    const rateStatus = successRateStatus(s);
    const rateOutput = `${s.window.failures} of ${s.window.successes + s.window.failures} calls failed in ${s.window.windowMs} ms`;
    add('successRate', entry(s, time, round(s.window.successRate), 'ratio', rateStatus, rateOutput));
    if (s.latency.p95Ms !== undefined) {
      const latency = latencyStatus(s.latency.p95Ms, s.latency.sloMs);
      add(
        'latencyP95',
        entry(s, time, s.latency.p95Ms, 'ms', latency, `p95 above the ${s.latency.sloMs} ms SLO`),
      );
    }
    if (s.breakerState !== undefined) {
      const breaker = BREAKER_STATUS[s.breakerState];
      add(
        'circuitBreaker',
        entry(s, time, s.breakerState, undefined, breaker, `circuit breaker is ${s.breakerState}`),
      );
    }
  }
}

/**
 * Renders system health (or one service's health) as an `application/health+json` body
 * (draft-inadarei-api-health-check). Per tracker, four measurements:
 *
 * | key                          | observedValue                 | status                                                       |
 * | ---------------------------- | ----------------------------- | ------------------------------------------------------------ |
 * | `<service>:health`           | score in [0, 1] (`score`)     | the tracker's status (healthy pass, degraded warn, else fail) |
 * | `<service>:successRate`      | window success rate (`ratio`) | pass >= healthyThreshold, warn >= degradedThreshold, else fail |
 * | `<service>:latencyP95`       | p95 in `ms` (when sampled)    | pass <= SLO (or no SLO), warn <= 2 x SLO, else fail           |
 * | `<service>:circuitBreaker`   | state name (when known)       | closed/disabled pass, half_open warn, open/isolated fail      |
 *
 * Each entry's `componentId` is `<service>` or `<service>/<operation>`. Serve it with
 * `Content-Type: application/health+json` and {@link healthHttpStatus}.
 *
 * @example
 * ```ts
 * const body = toHealthJson(registry.systemHealth(), { serviceId: 'agent-api', version: '1' });
 * res.writeHead(healthHttpStatus(body.status), { 'content-type': HEALTH_JSON_CONTENT_TYPE });
 * res.end(JSON.stringify(body));
 * ```
 */
export function toHealthJson(
  health: SystemHealth | ServiceHealth,
  options: HealthJsonOptions = {},
): HealthJson {
  const services = 'services' in health ? health.services : [health];
  const checks: Record<string, HealthCheckEntry[]> = {};
  for (const service of services) addService(checks, service);
  const status = toHealthJsonStatus(health.status);
  const troubled = services.filter((s) => s.status !== 'healthy');
  const count = services.length === 1 ? '1 tracked service' : `${services.length} tracked services`;
  return {
    status,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.releaseId === undefined ? {} : { releaseId: options.releaseId }),
    ...(options.notes === undefined ? {} : { notes: [...options.notes] }),
    ...(status === 'pass'
      ? {}
      : {
          output: troubled
            .map((s) => `${s.service} is ${s.status}${s.essential ? '' : ' (non-essential)'}`)
            .join('; '),
        }),
    checks,
    ...(options.serviceId === undefined ? {} : { serviceId: options.serviceId }),
    description: options.description ?? `health of ${count}`,
  };
}

import { HEALTH_STATUSES, worseStatus, type HealthStatus } from '../score/health-status.js';
import type { HealthSnapshot } from '../tracker/types.js';

/** Health of one service: all of its trackers (the service-wide one and one per operation). */
export interface ServiceHealth {
  readonly service: string;
  /** Worst status among the service's trackers. */
  readonly status: HealthStatus;
  /** Lowest score among the service's trackers. */
  readonly score: number;
  /** Whether the service counts in full towards system health (see {@link aggregateSystemStatus}). */
  readonly essential: boolean;
  /** One snapshot per tracker: the service-wide tracker first, then operations by name. */
  readonly trackers: readonly HealthSnapshot[];
}

/** Health of every tracked service. */
export interface SystemHealth {
  /** Overall status (see {@link aggregateSystemStatus}). */
  readonly status: HealthStatus;
  /** Clock time (ms) of the reading. */
  readonly time: number;
  /** Services by name. */
  readonly services: readonly ServiceHealth[];
  /** How many services are in each status. */
  readonly counts: Readonly<Record<HealthStatus, number>>;
}

/** The answer for a service name: its health, or a clear "not tracked" with the known names. */
export type ServiceHealthResult =
  | { readonly found: true; readonly health: ServiceHealth }
  | {
      readonly found: false;
      readonly service: string;
      /** Every tracked service, sorted. */
      readonly knownServices: readonly string[];
      /** A sentence naming the unknown service and the known ones. */
      readonly message: string;
    };

/**
 * A service's status and score from its trackers' snapshots: the worst status and the
 * lowest score (an operation that is down makes its service unhealthy, even if its other
 * operations are fine).
 */
export function aggregateService(
  service: string,
  essential: boolean,
  trackers: readonly HealthSnapshot[],
): ServiceHealth {
  let status: HealthStatus = 'healthy';
  let score = 1;
  for (const t of trackers) {
    status = worseStatus(status, t.status);
    if (t.score < score) score = t.score;
  }
  return { service, status, score, essential, trackers };
}

/**
 * The overall status: **the worst service status wins**, except that a non-essential
 * service counts at most as `degraded`. No services: `healthy`.
 *
 * Why not a ratio rule (the legacy "healthy if more than 80 % of services are healthy")?
 * A health endpoint is read by load balancers, readiness probes and pagers, and an agent
 * whose LLM provider is down is down, however many of its other dependencies are fine: a
 * ratio hides exactly that. Dependencies the service can run without are marked
 * `essential: false`; their outage shows as `degraded` (health+json `warn`), not `fail`.
 *
 * @example
 * ```ts
 * aggregateSystemStatus([{ status: 'critical', essential: false }, { status: 'healthy', essential: true }]); // 'degraded'
 * ```
 */
export function aggregateSystemStatus(
  services: readonly Pick<ServiceHealth, 'status' | 'essential'>[],
): HealthStatus {
  let status: HealthStatus = 'healthy';
  for (const s of services) {
    status = worseStatus(status, s.essential ? s.status : s.status === 'healthy' ? 'healthy' : 'degraded');
  }
  return status;
}

/** How many services are in each status. */
export function countStatuses(
  services: readonly Pick<ServiceHealth, 'status'>[],
): Record<HealthStatus, number> {
  const counts = Object.fromEntries(HEALTH_STATUSES.map((s) => [s, 0])) as Record<HealthStatus, number>;
  for (const s of services) counts[s.status]++;
  return counts;
}

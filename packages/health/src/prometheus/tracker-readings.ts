import type { BreakerState } from '../score/breaker-state.js';
import { worseStatus, type HealthStatus } from '../score/health-status.js';
import type { HealthRegistry } from '../system/health-registry.js';
import type { ReliabilityHealthTracker } from '../tracker/health-tracker.js';
import type { LabelLimiter } from './label-limiter.js';

/** What one (bounded) label pair reports at a scrape. */
export interface TrackerReading {
  readonly service: string;
  readonly operation: string;
  score: number;
  status: HealthStatus;
  breakerState: BreakerState | undefined;
}

const BREAKER_SEVERITY: Record<BreakerState, number> = {
  disabled: 0,
  closed: 1,
  half_open: 2,
  open: 3,
  isolated: 4,
};

/**
 * Reads score, status and breaker state of every tracker behind `sources`, with bounded
 * labels. Trackers that collapse into the same labels (`other`) report the lowest score,
 * the worst status and the most severe breaker state among them: an overflow series
 * must not hide a sick service behind a healthy one.
 */
export function readTrackers(
  sources: readonly (HealthRegistry | ReliabilityHealthTracker)[],
  services: LabelLimiter,
  operations: LabelLimiter,
): TrackerReading[] {
  const byLabels = new Map<string, TrackerReading>();
  for (const source of sources) {
    const trackers = 'trackers' in source ? source.trackers() : [source];
    for (const t of trackers) {
      const service = services.admit(t.service);
      const operation = t.operation === undefined ? '' : operations.admit(t.operation);
      const key = `${service}\u0000${operation}`;
      const score = t.score;
      const status = t.status;
      const breakerState = t.breakerState;
      const seen = byLabels.get(key);
      if (!seen) {
        byLabels.set(key, { service, operation, score, status, breakerState });
        continue;
      }
      seen.score = Math.min(seen.score, score);
      seen.status = worseStatus(seen.status, status);
      if (
        breakerState !== undefined &&
        (seen.breakerState === undefined ||
          BREAKER_SEVERITY[breakerState] > BREAKER_SEVERITY[seen.breakerState])
      ) {
        seen.breakerState = breakerState;
      }
    }
  }
  return [...byLabels.values()];
}

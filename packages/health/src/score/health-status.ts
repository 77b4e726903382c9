import type { HealthConfig } from '@rel/config';

/** Health statuses, best first (the legacy four). */
export const HEALTH_STATUSES = ['healthy', 'degraded', 'unhealthy', 'critical'] as const;

/** One of {@link HEALTH_STATUSES}. */
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** The thresholds a status is read from. */
export type StatusThresholds = Pick<
  HealthConfig,
  'healthyThreshold' | 'degradedThreshold' | 'unhealthyThreshold' | 'hysteresis'
>;

const EPSILON = 1e-9;

/** Position of a status in {@link HEALTH_STATUSES} (0 = healthy, 3 = critical). */
export function statusRank(status: HealthStatus): number {
  return status === 'healthy' ? 0 : status === 'degraded' ? 1 : status === 'unhealthy' ? 2 : 3;
}

/** The worse of two statuses. */
export function worseStatus(a: HealthStatus, b: HealthStatus): HealthStatus {
  return statusRank(a) >= statusRank(b) ? a : b;
}

/**
 * The status of a score without hysteresis: `healthy` >= healthyThreshold (0.9),
 * `degraded` >= degradedThreshold (0.7), `unhealthy` >= unhealthyThreshold (0.5), else
 * `critical`.
 *
 * @example
 * ```ts
 * statusForScore(0.75, DEFAULT_HEALTH_CONFIG); // 'degraded'
 * ```
 */
export function statusForScore(score: number, t: StatusThresholds): HealthStatus {
  if (score >= t.healthyThreshold - EPSILON) return 'healthy';
  if (score >= t.degradedThreshold - EPSILON) return 'degraded';
  if (score >= t.unhealthyThreshold - EPSILON) return 'unhealthy';
  return 'critical';
}

/**
 * The next status from `current` and a new score, with hysteresis `h`: the status gets
 * worse only past thresholds the score is clearly below (`score < threshold - h`), and
 * better only past thresholds it is clearly at or above (`score >= min(1, threshold + h)`).
 * A score inside a band of width `2h` around a threshold keeps the current status, so
 * one sample near a threshold cannot make the status flap.
 *
 * It may jump several levels at once (a healthy service whose breaker opens and whose
 * calls all fail goes straight to `critical`).
 *
 * @example
 * ```ts
 * // thresholds 0.9 / 0.7 / 0.5, hysteresis 0.05
 * nextStatus('healthy', 0.86, t);  // 'healthy'  (not below 0.85)
 * nextStatus('healthy', 0.84, t);  // 'degraded'
 * nextStatus('degraded', 0.94, t); // 'degraded' (not at 0.95)
 * nextStatus('degraded', 0.95, t); // 'healthy'
 * ```
 */
export function nextStatus(current: HealthStatus, score: number, t: StatusThresholds): HealthStatus {
  const h = t.hysteresis;
  const rank = statusRank(current);
  // Levels the score is clearly below, and levels it is not clearly above. EPSILON keeps
  // the bands exact in decimal terms (0.9 + 0.05 is 0.9500000000000001 in binary).
  const down =
    (score < t.healthyThreshold - h - EPSILON ? 1 : 0) +
    (score < t.degradedThreshold - h - EPSILON ? 1 : 0) +
    (score < t.unhealthyThreshold - h - EPSILON ? 1 : 0);
  if (down > rank) return HEALTH_STATUSES[down]!;
  const up =
    (score < Math.min(1, t.healthyThreshold + h) - EPSILON ? 1 : 0) +
    (score < Math.min(1, t.degradedThreshold + h) - EPSILON ? 1 : 0) +
    (score < Math.min(1, t.unhealthyThreshold + h) - EPSILON ? 1 : 0);
  if (up < rank) return HEALTH_STATUSES[up]!;
  return current;
}

/**
 * Whether a change from `from` to `to` is a degradation (`health_degraded` on the wire)
 * or a recovery (`health_recovered`): worse is `degraded`, better is `recovered`.
 */
export function changeDirection(from: HealthStatus, to: HealthStatus): 'degraded' | 'recovered' {
  return statusRank(to) > statusRank(from) ? 'degraded' : 'recovered';
}

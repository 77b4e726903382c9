import type { BreakerState } from './breaker-state.js';

/**
 * Weights of the health score. Each is the most that one signal can take off a perfect
 * score of 1. The consecutive-failure and breaker weights are the legacy ones
 * (0.1 per failure up to 0.3; open 0.4, half-open 0.2).
 */
export const HEALTH_SCORE_WEIGHTS = Object.freeze({
  /** Times the failure ratio over `recentErrorWindowMs`. */
  recentErrors: 0.2,
  /** Per consecutive failure beyond {@link HEALTH_SCORE_WEIGHTS.consecutiveGrace}. */
  consecutiveFailure: 0.1,
  /** Consecutive failures that cost nothing: two in a row is noise, not an outage. */
  consecutiveGrace: 2,
  /** Cap of the consecutive-failure penalty. */
  consecutiveMax: 0.3,
  /** Breaker `open` or `isolated`. */
  breakerOpen: 0.4,
  /** Breaker `half_open`. */
  breakerHalfOpen: 0.2,
  /** p95 latency at or above twice the SLO (linear from the SLO up). */
  latency: 0.2,
  /** An empty retry budget (linear in the missing fraction). */
  budget: 0.1,
});

/** What the score is computed from. Counts are over the windows of the tracker. */
export interface HealthScoreInput {
  /** Successes in the window. */
  successes: number;
  /** Failures in the window (`cancelled` and rejections excluded). */
  failures: number;
  /** Successes within `recentErrorWindowMs`. */
  recentSuccesses: number;
  /** Failures within `recentErrorWindowMs`. */
  recentFailures: number;
  /** Current run of failures, counted only while its newest failure is inside the window. */
  consecutiveFailures: number;
  /** Samples before rates count at full weight (fewer are padded with neutral successes). */
  minSamples: number;
  /** Breaker state, when known. */
  breakerState: BreakerState | undefined;
  /** Retry budget level in [0, 1] (1 = full), when known. */
  budgetLevel: number | undefined;
  /** Latency objective (ms), when set. */
  latencySloMs: number | undefined;
  /** p95 latency (ms) when it is above the SLO, else `undefined`. */
  latencyP95Ms: number | undefined;
  /** Latency samples in the window. */
  latencySamples: number;
}

/** The score and what each signal took off it. */
export interface HealthScoreBreakdown {
  /** The clamped score in [0, 1]. */
  readonly score: number;
  /** Failure ratio of the window, padded to `minSamples`. */
  readonly failureRate: number;
  readonly recentErrors: number;
  readonly consecutiveFailures: number;
  readonly breaker: number;
  readonly latency: number;
  readonly budget: number;
}

const W = HEALTH_SCORE_WEIGHTS;
const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x);

/** Failure ratio padded to `minSamples`: `failures / max(successes + failures, minSamples)`. */
export function paddedFailureRatio(successes: number, failures: number, minSamples: number): number {
  const n = successes + failures;
  return n === 0 ? 0 : failures / (n > minSamples ? n : minSamples);
}

/** Penalty of a breaker state. */
export function breakerPenalty(state: BreakerState | undefined): number {
  return state === 'open' || state === 'isolated'
    ? W.breakerOpen
    : state === 'half_open'
      ? W.breakerHalfOpen
      : 0;
}

/** Penalty of a p95 latency against an SLO, weighted by how many samples back it. */
export function latencyPenalty(input: HealthScoreInput): number {
  const { latencySloMs: slo, latencyP95Ms: p95 } = input;
  if (slo === undefined || p95 === undefined || p95 <= slo) return 0;
  const confidence = input.latencySamples >= input.minSamples ? 1 : input.latencySamples / input.minSamples;
  return W.latency * clamp01((p95 - slo) / slo) * confidence;
}

/** Penalty of a consecutive-failure run. */
export function consecutivePenalty(consecutiveFailures: number): number {
  const extra = consecutiveFailures - W.consecutiveGrace;
  return extra <= 0 ? 0 : Math.min(W.consecutiveMax, W.consecutiveFailure * extra);
}

/**
 * The health score in [0, 1]:
 *
 * ```text
 * score = clamp01(1 - failureRate - recentErrors - consecutive - breaker - latency - budget)
 *   failureRate  = failures / max(n, minSamples)                 n = successes + failures (window)
 *   recentErrors = 0.2 * recentFailures / max(nRecent, minSamples)   over recentErrorWindowMs
 *   consecutive  = min(0.3, 0.1 * max(0, consecutiveFailures - 2))
 *   breaker      = 0.4 if open or isolated, 0.2 if half_open, else 0
 *   latency      = 0.2 * clamp01((p95 - slo) / slo) * min(1, latencySamples / minSamples)   (p95 > slo)
 *   budget       = 0.1 * (1 - budgetLevel)                        when the budget level is known
 * ```
 *
 * No data scores 1 (nothing says the dependency is unwell); fewer than `minSamples`
 * samples count as if the missing ones had succeeded, so one early failure cannot sink
 * the score. All-failure over at least `minSamples` scores 0.
 *
 * @example
 * ```ts
 * healthScore({ ...input, successes: 95, failures: 5 }); // ~0.94: 0.05 + 0.2 * 0.05 off
 * ```
 */
export function healthScore(input: HealthScoreInput): number {
  const { minSamples } = input;
  const penalty =
    paddedFailureRatio(input.successes, input.failures, minSamples) +
    W.recentErrors * paddedFailureRatio(input.recentSuccesses, input.recentFailures, minSamples) +
    consecutivePenalty(input.consecutiveFailures) +
    breakerPenalty(input.breakerState) +
    latencyPenalty(input) +
    (input.budgetLevel === undefined ? 0 : W.budget * (1 - clamp01(input.budgetLevel)));
  return clamp01(1 - penalty);
}

/** {@link healthScore} with each signal's share, for snapshots and health output. */
export function healthScoreBreakdown(input: HealthScoreInput): HealthScoreBreakdown {
  const { minSamples } = input;
  return {
    score: healthScore(input),
    failureRate: paddedFailureRatio(input.successes, input.failures, minSamples),
    recentErrors:
      W.recentErrors * paddedFailureRatio(input.recentSuccesses, input.recentFailures, minSamples),
    consecutiveFailures: consecutivePenalty(input.consecutiveFailures),
    breaker: breakerPenalty(input.breakerState),
    latency: latencyPenalty(input),
    budget: input.budgetLevel === undefined ? 0 : W.budget * (1 - clamp01(input.budgetLevel)),
  };
}

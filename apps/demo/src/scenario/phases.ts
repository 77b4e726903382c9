import type { FaultInput } from '../upstream/fault-modes.js';

/** The scripted phases, in order. */
export const PHASE_NAMES = ['warm-up', 'degradation', 'rate-limit', 'outage', 'recovery'] as const;
/** One of {@link PHASE_NAMES}. */
export type PhaseName = (typeof PHASE_NAMES)[number];

/** One phase of the scenario: a fault mode of the upstream for a while. */
export interface Phase {
  readonly name: PhaseName;
  /** How long the phase lasts (ms); with `untilRecovered`, the most it may last. */
  readonly durationMs: number;
  /** The upstream's fault during the phase. */
  readonly fault: FaultInput;
  /** What to watch for, one line. */
  readonly watch: string;
  /**
   * End the phase early once every configured breaker is closed and every configured
   * service is healthy again, but not before `minMs`.
   */
  readonly untilRecovered?: { readonly minMs: number };
}

/**
 * The default scenario, 51 s at most (the recovery ends as soon as everything has
 * recovered, after at least 4 s):
 *
 * | phase       | upstream                                   | what @rel does                                           |
 * | ----------- | ------------------------------------------ | -------------------------------------------------------- |
 * | warm-up     | healthy                                    | nothing to do                                            |
 * | degradation | +500 ms, 20 % 500/503                      | retries with backoff; health degrades (errors, p95)       |
 * | rate-limit  | 35 % 429 `Retry-After: 1`                  | waits the hint; the budget refuses some retries           |
 * | outage      | LLM 503, tool API drops connections        | breakers open, fallbacks answer, the budget caps retries  |
 * | recovery    | healthy                                    | half-open probes close the breakers, health recovers      |
 */
export const DEFAULT_PHASES: readonly Phase[] = Object.freeze([
  {
    name: 'warm-up',
    durationMs: 6_000,
    fault: { mode: 'healthy' },
    watch: 'runs stream their events; nothing fails',
  },
  {
    name: 'degradation',
    durationMs: 9_000,
    fault: { mode: 'errors', latencyMs: 500, errorRate: 0.2 },
    watch: 'retries with backoff answer most failures; health degrades',
  },
  {
    name: 'rate-limit',
    durationMs: 8_000,
    fault: { mode: 'rate_limited', rateLimitRate: 0.35, retryAfterS: 1 },
    watch: 'retries wait for Retry-After; the retry budget refuses some; fallbacks answer those',
  },
  {
    name: 'outage',
    durationMs: 10_000,
    fault: { mode: 'outage', outage: 'mixed' },
    watch: 'breakers open; fallbacks answer at once; the budget keeps retries from piling on',
  },
  {
    name: 'recovery',
    durationMs: 18_000,
    fault: { mode: 'recovery' },
    watch: 'half-open probes close the breakers; health recovers',
    untilRecovered: { minMs: 4_000 },
  },
]);

/** The longest a scenario may run, start to report (ms). */
export const SCENARIO_LIMIT_MS = 60_000;

/**
 * The phases with every duration multiplied by `factor` (the test runs the same scenario
 * compressed). @throws RangeError when `factor` is not in (0, 1].
 */
export function scalePhases(phases: readonly Phase[], factor: number): Phase[] {
  if (!(factor > 0 && factor <= 1)) throw new RangeError(`scale factor must be in (0, 1], got ${factor}`);
  return phases.map((p) => ({
    ...p,
    durationMs: Math.round(p.durationMs * factor),
    ...(p.untilRecovered === undefined
      ? {}
      : { untilRecovered: { minMs: Math.round(p.untilRecovered.minMs * factor) } }),
  }));
}

/** The longest the phases can take together (ms). */
export function maxDurationMs(phases: readonly Phase[]): number {
  return phases.reduce((sum, p) => sum + p.durationMs, 0);
}

/**
 * Inputs of {@link penaltyHealthScore}.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface PenaltyHealthInput {
  /** Calls the breaker saw. */
  readonly totalCalls: number;
  /** Of which succeeded. */
  readonly successfulCalls: number;
  /** Times the breaker opened. */
  readonly opens: number;
  /** Errors in the last 5 minutes. */
  readonly recentErrors: number;
}

/**
 * The legacy `AgentReliabilityWrapper` health score: 1.0 before any call, else
 * `max(0, successful/total − min(0.2 × opens, 0.5) − min(0.1 × recentErrors, 0.3))`.
 * (The canonical score of `@rel/health` weighs more signals; this one is kept for
 * dashboards that read the legacy number.)
 *
 * @see the legacy `core/reliability.py` `AgentReliabilityWrapper._calculate_health_score` (inventory §4.2)
 * @example
 * ```ts
 * penaltyHealthScore({ totalCalls: 10, successfulCalls: 9, opens: 1, recentErrors: 1 }); // 0.9 - 0.2 - 0.1 = 0.6
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function penaltyHealthScore(input: PenaltyHealthInput): number {
  if (input.totalCalls === 0) return 1;
  const rate = input.successfulCalls / input.totalCalls;
  return Math.max(0, rate - Math.min(0.2 * input.opens, 0.5) - Math.min(0.1 * input.recentErrors, 0.3));
}

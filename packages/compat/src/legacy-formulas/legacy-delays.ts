import type { Random } from '@rel/config';

// The legacy delay formulas the canonical strategies cannot express. Each legacy API runs
// its own as a `custom` backoff of its canonical retry config. Seconds, as in the legacy code.

/**
 * The strategies of the legacy agents `RetryManager` (`BackoffStrategy` values).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export type RetryManagerStrategy = 'fixed' | 'linear' | 'exponential' | 'exponential_jitter';

/**
 * The legacy agents `RetryManager` delay (seconds) before the next attempt, after `a`
 * failed attempts (a >= 1), capped at `maxDelay`:
 * - `fixed`: `base`
 * - `linear`: `base * a`
 * - `exponential`: `base * 2^(a-1)`
 * - `exponential_jitter`: `e + e * U(0.1, 0.5)` with `e = base * 2^(a-1)` (always 10-50 % more)
 *
 * @see the legacy `agents/base/retry_manager.py` `_calculate_delay` (inventory §2.2)
 * @example
 * ```ts
 * retryManagerDelay('exponential', 3, 1, 60, Math.random); // 4
 * retryManagerDelay('exponential_jitter', 1, 1, 60, () => 0.5); // 1.3
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function retryManagerDelay(
  strategy: RetryManagerStrategy,
  a: number,
  base: number,
  maxDelay: number,
  random: Random,
): number {
  let delay: number;
  switch (strategy) {
    case 'fixed':
      delay = base;
      break;
    case 'linear':
      delay = base * a;
      break;
    case 'exponential':
      delay = base * 2 ** (a - 1);
      break;
    case 'exponential_jitter': {
      const e = base * 2 ** (a - 1);
      delay = e + e * (0.1 + 0.4 * random());
      break;
    }
  }
  return Math.min(delay, maxDelay);
}

/**
 * The legacy reliability-retry `RetryHandler` delay (seconds) after the failed attempt of
 * 0-based index `a`: `min(base * exponentialBase^a, maxDelay)`, then, when `jitter` is on,
 * plus `d * 0.25 * U[0, 1)`. The jitter comes after the cap, so a delay can be up to 25 %
 * over `maxDelay`, as in the legacy handler.
 *
 * @see the legacy `core/reliability_retry.py` `RetryHandler` (inventory §2.3)
 * @example
 * ```ts
 * reliabilityRetryDelay(2, 1, 2, 60, false, Math.random); // 4
 * reliabilityRetryDelay(0, 1, 2, 60, true, () => 0.5); // 1.125
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function reliabilityRetryDelay(
  a: number,
  base: number,
  exponentialBase: number,
  maxDelay: number,
  jitter: boolean,
  random: Random,
): number {
  const delay = Math.min(base * exponentialBase ** a, maxDelay);
  return jitter ? delay + delay * 0.25 * random() : delay;
}

/**
 * The legacy LLM `RetryStrategy` delay (seconds) after the failed attempt `attempt`
 * (1-based): `min(base * factor^(attempt-1) * U(lo, hi), maxDelay)`: multiplicative jitter
 * (x0.5 to x1.5 by default), then the cap.
 *
 * @see the legacy `llm/enhanced_retry.py` `RetryStrategy.calculate_delay` (inventory §2.4)
 * @example
 * ```ts
 * llmDelay(3, 1, 2, 60, [0.5, 1.5], () => 0.5); // 4 (1 * 2^2 * 1.0)
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function llmDelay(
  attempt: number,
  base: number,
  factor: number,
  maxDelay: number,
  jitterRange: readonly [number, number],
  random: Random,
): number {
  const [lo, hi] = jitterRange;
  return Math.min(base * factor ** (attempt - 1) * (lo + (hi - lo) * random()), maxDelay);
}

/**
 * The legacy agents `ReliabilityManager` retry delay (seconds) before attempt index `a`
 * (a >= 1): `min(2^a, 10)`, so 2, 4, 8, 10, 10, ... The base is not configurable.
 *
 * @see the legacy `agents/base/reliability_manager.py` `_execute_with_retry` (inventory §4.1)
 * @example
 * ```ts
 * agentReliabilityDelay(1); // 2
 * agentReliabilityDelay(4); // 10
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function agentReliabilityDelay(a: number): number {
  return Math.min(2 ** a, 10);
}

/**
 * The service-mesh `RetryStrategy` values.
 * @deprecated Use `BackoffStrategy` from `@rel/config`. Removed in 2.0.0.
 */
export type ServiceMeshStrategy = 'fixed_delay' | 'exponential_backoff' | 'linear_backoff' | 'random_jitter';

/**
 * The legacy service-mesh delay (seconds) after the failed attempt of 0-based index `a`:
 * `fixed_delay` base; `exponential_backoff` base·mult^a; `linear_backoff` base·(1+a);
 * `random_jitter` base + U(0, base). With `jitter` (and not `random_jitter`) plus
 * U(−0.1·d, +0.1·d). Then clamped to `[0.1, maxDelay]`.
 *
 * @see the legacy `services/service_mesh/retry_policy.py` (inventory §2.7)
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 * @example
 * ```ts
 * [0, 1, 2, 3, 4, 5].map((a) => serviceMeshDelay('exponential_backoff', a, 1, 2, 30, false, Math.random)); // 1, 2, 4, 8, 16, 30
 * ```
 */
export function serviceMeshDelay(
  strategy: ServiceMeshStrategy,
  a: number,
  base: number,
  multiplier: number,
  maxDelay: number,
  jitter: boolean,
  random: Random,
): number {
  let d: number;
  switch (strategy) {
    case 'fixed_delay':
      d = base;
      break;
    case 'exponential_backoff':
      d = base * multiplier ** a;
      break;
    case 'linear_backoff':
      d = base * (1 + a);
      break;
    case 'random_jitter':
      d = base + base * random();
      break;
  }
  if (jitter && strategy !== 'random_jitter') d += d * 0.1 * (2 * random() - 1);
  return Math.max(0.1, Math.min(maxDelay, d));
}

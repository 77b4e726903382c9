import type { CircuitBreakerConfig, Random } from '@rel/config';

/** The fields of {@link CircuitBreakerConfig} that decide how long a breaker stays open. */
export type OpenDurationConfig = Pick<
  CircuitBreakerConfig,
  'openMs' | 'openBackoffMultiplier' | 'maxOpenMs' | 'openJitter'
>;

/**
 * The un-jittered open time of the `opening`-th consecutive opening (1 = the first opening
 * after the breaker was last closed): `min(maxOpenMs, openMs * openBackoffMultiplier^(opening - 1))`.
 *
 * @example
 * ```ts
 * baseOpenDuration({ openMs: 1_000, openBackoffMultiplier: 2, maxOpenMs: 5_000, openJitter: 0 }, 3); // 4000
 * ```
 * @see Envoy outlier detection ("base ejection time x times ejected"), the legacy Era A
 * breaker (`recovery_timeout x 2^opened_count`, capped by `max_backoff_seconds`).
 */
export function baseOpenDuration(config: OpenDurationConfig, opening: number): number {
  const growth = Math.pow(config.openBackoffMultiplier, Math.max(0, opening - 1));
  // Infinity (a huge exponent) is capped like any other value.
  return Math.min(config.maxOpenMs, config.openMs * growth);
}

/**
 * How long the `opening`-th consecutive opening keeps the breaker open:
 * the {@link baseOpenDuration} `b`, jittered to `b * (1 + openJitter * (2u - 1))` with
 * `u = random()`, and never above `maxOpenMs`. Bounds:
 * `b * (1 - openJitter) <= duration <= min(maxOpenMs, b * (1 + openJitter))`.
 *
 * Jitter spreads the moment many breakers (one per process) probe a recovering dependency;
 * the cap is applied last so `maxOpenMs` stays a hard ceiling.
 *
 * @param random - the injected source; called exactly once, only when `openJitter > 0`.
 * @example
 * ```ts
 * openDuration(config, breakerOpenings, systemRandom);
 * ```
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function openDuration(config: OpenDurationConfig, opening: number, random: Random): number {
  const base = baseOpenDuration(config, opening);
  if (config.openJitter === 0) return base;
  const factor = 1 + config.openJitter * (2 * random() - 1);
  return Math.min(config.maxOpenMs, base * factor);
}

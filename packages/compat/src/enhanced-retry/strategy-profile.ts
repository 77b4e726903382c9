import { parseCircuitBreakerConfig, type CircuitBreakerConfig } from '@rel/config';
import { legacyProfile, type LegacyProfile } from '../delegate/legacy-instance.js';
import { EVERY_FAILURE } from '../legacy-config/legacy-circuit-config.js';
import type { RetryStrategy } from './retry-strategy.js';

/** The breaker of the legacy `CircuitBreakerRetryStrategy`: 5 failures, 30 s recovery (fixed). */
export const LLM_RETRY_CIRCUIT: CircuitBreakerConfig = parseCircuitBreakerConfig({
  strategy: 'consecutive',
  failureThreshold: 5,
  openMs: 30_000,
  openBackoffMultiplier: 1,
  openJitter: 0,
  // The legacy breaker recorded every failure of a call, whatever it was.
  failureKinds: [...EVERY_FAILURE],
});

/**
 * The canonical profile a strategy runs under (its retry config from `toCanonical()`,
 * optionally with a breaker), one per distinct strategy class and settings. @internal
 */
export function strategyProfile(
  service: string,
  strategy: RetryStrategy,
  circuitBreaker: CircuitBreakerConfig | false,
): LegacyProfile {
  // Built once per strategy object and service: the signature (a JSON walk) is not per call.
  let byService = cache.get(strategy);
  if (byService === undefined) {
    byService = new Map();
    cache.set(strategy, byService);
  }
  let profile = byService.get(service);
  if (profile === undefined) {
    profile = build(service, strategy, circuitBreaker);
    byService.set(service, profile);
  }
  return profile;
}

const cache = new WeakMap<RetryStrategy, Map<string, LegacyProfile>>();

function build(
  service: string,
  strategy: RetryStrategy,
  circuitBreaker: CircuitBreakerConfig | false,
): LegacyProfile {
  // Own fields (numbers, the jitter pair, the random source, the provider) plus the class,
  // whose `shouldRetry` decides: equal strategies share one instance.
  return legacyProfile(
    service,
    ['enhanced_retry', strategy.constructor, strategy, circuitBreaker !== false],
    () => ({
      config: strategy.toCanonical().config,
      circuitBreaker,
    }),
  );
}

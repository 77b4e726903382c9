import { deepFreeze } from './freeze.js';
import { DEFAULT_RETRY_BUDGET } from './schema/budget.js';
import type { CircuitBreakerConfig } from './schema/circuit.js';
import type { HealthConfig } from './schema/health.js';
import type { EventsConfig, FallbackConfig, ReliabilityConfig } from './schema/reliability.js';
import type { RetryConfig } from './schema/retry.js';

/**
 * Defaults of {@link RetryConfig}: 3 attempts, exponential from 1 s (x2, capped at 60 s)
 * with full jitter (the least work under contention, per Brooker), Retry-After honoured,
 * and the default retry budget.
 */
export const DEFAULT_RETRY_CONFIG: RetryConfig = deepFreeze({
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  backoff: 'exponential',
  multiplier: 2,
  jitter: 'full',
  jitterRange: 0.1,
  timeoutMode: 'aggressive',
  respectRetryAfter: true,
  maxRetryAfterMs: 120_000,
  classifier: 'default',
  budget: { ...DEFAULT_RETRY_BUDGET },
  waitForOpenCircuit: false,
});

/** Defaults of {@link CircuitBreakerConfig}: 5 failures in a row open it for 30 s (growing x2 up to 5 min, ±10%). */
export const DEFAULT_CIRCUIT_BREAKER_CONFIG: CircuitBreakerConfig = deepFreeze({
  strategy: 'consecutive',
  failureThreshold: 5,
  failureRateThreshold: 0.5,
  windowSize: 20,
  windowMs: 30_000,
  minimumThroughput: 10,
  slowCallMs: 5_000,
  slowCallRateThreshold: 0.5,
  openMs: 30_000,
  openBackoffMultiplier: 2,
  maxOpenMs: 300_000,
  openJitter: 0.1,
  halfOpenMaxProbes: 1,
  successThreshold: 1,
  failureKinds: ['transient', 'timeout', 'rate_limited', 'overloaded'],
});

/** Defaults of {@link HealthConfig}: a 60 s window in 12 buckets, 100 errors kept, the legacy 0.9/0.7/0.5 thresholds. */
export const DEFAULT_HEALTH_CONFIG: HealthConfig = deepFreeze({
  windowMs: 60_000,
  buckets: 12,
  errorHistorySize: 100,
  recentErrorWindowMs: 300_000,
  healthyThreshold: 0.9,
  degradedThreshold: 0.7,
  unhealthyThreshold: 0.5,
  hysteresis: 0.05,
  minSamples: 5,
});

/** Defaults of {@link FallbackConfig}: off; when on, every failure kind but `cancelled` triggers it. */
export const DEFAULT_FALLBACK_CONFIG: FallbackConfig = deepFreeze({
  enabled: false,
  onKinds: [
    'transient',
    'timeout',
    'rate_limited',
    'overloaded',
    'permanent',
    'circuit_open',
    'budget_exhausted',
    'bulkhead_rejected',
    'deadline_exceeded',
  ],
});

/** Defaults of {@link EventsConfig}: on. */
export const DEFAULT_EVENTS_CONFIG: EventsConfig = deepFreeze({ enabled: true });

/**
 * The default reliability profile: default retry, a consecutive-failure breaker, health
 * tracking, no bulkhead, no fallback, events on.
 */
export const DEFAULT_RELIABILITY_CONFIG: ReliabilityConfig = deepFreeze({
  retry: DEFAULT_RETRY_CONFIG,
  circuitBreaker: DEFAULT_CIRCUIT_BREAKER_CONFIG,
  health: DEFAULT_HEALTH_CONFIG,
  bulkhead: false,
  fallback: DEFAULT_FALLBACK_CONFIG,
  events: DEFAULT_EVENTS_CONFIG,
});

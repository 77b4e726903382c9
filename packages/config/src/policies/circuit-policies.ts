import { parseCircuitBreakerConfig } from '../parse.js';
import type { CircuitBreakerConfig } from '../schema/circuit.js';

// The breakers the legacy domain policies enabled (circuit_breaker_failure_threshold and
// circuit_breaker_recovery_timeout), seconds converted to milliseconds. The agent,
// websocket and file policies had no breaker.

/** Database breaker: 5 failures in a row open it for 60 s. */
export const DATABASE_CIRCUIT_BREAKER: CircuitBreakerConfig = parseCircuitBreakerConfig({
  strategy: 'consecutive',
  failureThreshold: 5,
  openMs: 60_000,
});

/** LLM breaker: 3 failures in a row open it for 180 s. */
export const LLM_CIRCUIT_BREAKER: CircuitBreakerConfig = parseCircuitBreakerConfig({
  strategy: 'consecutive',
  failureThreshold: 3,
  openMs: 180_000,
});

/** API breaker: 3 failures in a row open it for 30 s. */
export const API_CIRCUIT_BREAKER: CircuitBreakerConfig = parseCircuitBreakerConfig({
  strategy: 'consecutive',
  failureThreshold: 3,
  openMs: 30_000,
});

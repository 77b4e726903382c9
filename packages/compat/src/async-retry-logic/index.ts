// @rel/compat/async-retry-logic: the legacy core/async_retry_logic module.
export { withRetry } from './with-retry.js';
export type { WithRetryOptions } from './with-retry.js';
export { withTimeout } from './with-timeout.js';
export { AsyncCircuitBreaker } from './async-circuit-breaker.js';
export type {
  AsyncCircuitBreakerOptions,
  AsyncCircuitInfo,
  AsyncCircuitState,
} from './async-circuit-breaker.js';
export { AsyncLock } from './async-lock.js';
export type { AsyncLockHold, AsyncLockInfo } from './async-lock.js';
export { asyncTimeout } from './async-timeout.js';
export type { AsyncTimeoutContext } from './async-timeout.js';

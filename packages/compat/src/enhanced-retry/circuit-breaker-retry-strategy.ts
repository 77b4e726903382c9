import type { UnifiedCircuitBreaker } from '@rel/circuit';
import { legacyCircuitStatus, type LegacyCircuitStatus } from '../delegate/legacy-circuit-status.js';
import type { ReliabilityInstance } from '@rel/core';
import { legacyInstance } from '../delegate/legacy-instance.js';
import { legacyFailure } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { RetryStrategy } from './retry-strategy.js';
import { LLM_RETRY_CIRCUIT, strategyProfile } from './strategy-profile.js';

import { checkStrategy } from './with-enhanced-retry.js';

/**
 * The legacy `llm/enhanced_retry.CircuitBreakerRetryStrategy`: a retry strategy behind a
 * circuit breaker named `llm_retry_circuit` (5 consecutive failures open it for 30 s).
 * Both are canonical: the calls run through a reliability instance of the process default
 * manager (`@rel/core`) whose profile has the strategy's retry config and that breaker
 * (`@rel/circuit`'s `UnifiedCircuitBreaker`), which is consulted before every attempt.
 *
 * `executeWithRetry` throws a `CircuitOpenError` with the legacy message "Circuit breaker
 * is open" when refused before any attempt, otherwise the operation's last error.
 *
 * @deprecated Use a `ReliabilityInstance` (`@rel/core`) whose profile has a
 * `circuitBreaker`. Removed in 2.0.0 (REL_DEP009).
 * @example
 * ```ts
 * const guarded = new CircuitBreakerRetryStrategy(ANTHROPIC_RETRY);
 * const text = await guarded.executeWithRetry(complete, 'Hello');
 * if (guarded.isCircuitOpen()) showBusyBanner();
 * ```
 */
export class CircuitBreakerRetryStrategy {
  /** The retry strategy. */
  readonly retryStrategy: RetryStrategy;

  constructor(retryStrategy: RetryStrategy) {
    useLegacy('REL_DEP009');
    this.retryStrategy = checkStrategy(retryStrategy, 'retryStrategy');
    useLegacy(this.retryStrategy.deprecationCode);
  }

  /** The reliability instance (and breaker) of the process default manager that runs the calls. */
  get instance(): ReliabilityInstance {
    return legacyInstance(strategyProfile('llm_retry_circuit', this.retryStrategy, LLM_RETRY_CIRCUIT));
  }

  /** The canonical breaker (`llm_retry_circuit`). */
  get circuitBreaker(): UnifiedCircuitBreaker {
    return this.instance.breaker!;
  }

  /** Runs `fn(...args)` behind the breaker with the strategy's retries; resolves to its value or throws. */
  async executeWithRetry<A extends unknown[], R>(
    fn: (...args: A) => R | PromiseLike<R>,
    ...args: A
  ): Promise<R> {
    useLegacy('REL_DEP009');
    const r = await this.instance.run(() => fn(...args), { operation: fn.name || 'anonymous' });
    if (r.success) return r.value;
    throw legacyFailure(r, 'Circuit breaker is open');
  }

  /** True while the breaker refuses calls (open, or isolated by hand). */
  isCircuitOpen(): boolean {
    useLegacy('REL_DEP009');
    const state = this.circuitBreaker.state;
    return state === 'open' || state === 'isolated';
  }

  /** The breaker's status (legacy keys, and `unified_status`). */
  getCircuitStatus(): LegacyCircuitStatus {
    useLegacy('REL_DEP009');
    return legacyCircuitStatus(this.circuitBreaker);
  }
}

import { RelConfigError, type CircuitBreakerConfig } from '@rel/config';
import { ConsecutiveStrategy } from './consecutive.js';
import { CountWindowStrategy } from './count-window.js';
import type { BreakerStrategy } from './strategy.js';
import { TimeWindowStrategy } from './time-window.js';

/**
 * Builds the strategy `config.strategy` names. Only the fields of that strategy are read.
 *
 * @throws {@link RelConfigError} for a combination that could never open the breaker: a
 * `count` window smaller than `minimumThroughput` would never hold enough calls, and a
 * breaker that silently cannot open is worse than no breaker.
 * @internal
 */
export function createStrategy(config: CircuitBreakerConfig): BreakerStrategy {
  switch (config.strategy) {
    case 'consecutive':
      return new ConsecutiveStrategy(config.failureThreshold);
    case 'count':
      if (config.minimumThroughput > config.windowSize) {
        throw new RelConfigError(
          [
            {
              path: 'minimumThroughput',
              received: config.minimumThroughput,
              expected: `at most windowSize (${config.windowSize}) with the "count" strategy: the window never holds more calls`,
            },
          ],
          'circuit breaker configuration',
        );
      }
      return new CountWindowStrategy(
        config.windowSize,
        config.failureRateThreshold,
        config.minimumThroughput,
      );
    case 'time':
      return new TimeWindowStrategy({
        windowMs: config.windowMs,
        minimumThroughput: config.minimumThroughput,
        failureRateThreshold: config.failureRateThreshold,
      });
    case 'slow_call':
      return new TimeWindowStrategy({
        windowMs: config.windowMs,
        minimumThroughput: config.minimumThroughput,
        failureRateThreshold: config.failureRateThreshold,
        slowCallMs: config.slowCallMs,
        slowCallRateThreshold: config.slowCallRateThreshold,
      });
  }
}

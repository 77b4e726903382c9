import { ConsecutiveBreaker } from 'cockatiel';
import type { TripReason } from '../state.js';
import type { BreakerStrategy, StrategySnapshot } from './strategy.js';

/**
 * `consecutive`: opens after `failureThreshold` failures in a row; any success resets the
 * count. The counting is cockatiel's `ConsecutiveBreaker` (its state is one number, so it
 * snapshots as is); this class only adapts it to the breaker's strategy contract.
 * @internal
 */
export class ConsecutiveStrategy implements BreakerStrategy {
  readonly kind = 'consecutive' as const;
  readonly timed = false;
  private readonly inner: ConsecutiveBreaker;

  constructor(failureThreshold: number) {
    this.inner = new ConsecutiveBreaker(failureThreshold);
  }

  /** Failures in a row so far. */
  get failures(): number {
    return this.inner.state;
  }

  success(): TripReason | undefined {
    this.inner.success();
    return undefined;
  }

  failure(): TripReason | undefined {
    return this.inner.failure() ? 'failure_threshold' : undefined;
  }

  reset(): void {
    this.inner.success();
  }

  snapshot(): StrategySnapshot {
    return { kind: 'consecutive', failures: this.inner.state };
  }

  restore(snapshot: StrategySnapshot): string | undefined {
    if (snapshot.kind !== 'consecutive') return `strategy is "consecutive", snapshot has "${snapshot.kind}"`;
    this.inner.state = snapshot.failures;
    return undefined;
  }
}

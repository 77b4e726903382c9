import type { TripReason } from '../state.js';
import type { BreakerStrategy, StrategySnapshot } from './strategy.js';

const EMPTY = 0;
const SUCCESS = 1;
const FAILURE = 2;

/**
 * `count`: opens when, over the last `windowSize` calls, at least `minimumThroughput` calls
 * were seen and the failure ratio reached `failureRateThreshold` (`failures / calls >= threshold`).
 *
 * Why not cockatiel's `CountBreaker`: it opens only when the ratio *exceeds* the threshold
 * and refuses a threshold of 1, while `failureRateThreshold` is "the ratio that opens",
 * in (0, 1] (1 = open when every call in the window failed), the same rule as the `time`
 * and `slow_call` strategies (resilience4j's "equal or greater"). One rule for every
 * strategy matters more than reuse here. The ring is a `Uint8Array` (one byte per call)
 * instead of an array of booleans.
 * @internal
 */
export class CountWindowStrategy implements BreakerStrategy {
  readonly kind = 'count' as const;
  readonly timed = false;
  private readonly ring: Uint8Array;
  private cursor = 0;
  private calls = 0;
  private failures = 0;
  private readonly threshold: number;
  private readonly minimumThroughput: number;

  constructor(windowSize: number, threshold: number, minimumThroughput: number) {
    this.ring = new Uint8Array(windowSize);
    this.threshold = threshold;
    this.minimumThroughput = minimumThroughput;
  }

  success(): TripReason | undefined {
    this.push(SUCCESS);
    // A success lowers the ratio, but it may be the call that reaches minimumThroughput.
    return this.verdict();
  }

  failure(): TripReason | undefined {
    this.push(FAILURE);
    return this.verdict();
  }

  reset(): void {
    this.ring.fill(EMPTY);
    this.cursor = 0;
    this.calls = 0;
    this.failures = 0;
  }

  snapshot(): StrategySnapshot {
    const outcomes: Array<0 | 1> = [];
    const size = this.ring.length;
    // Oldest first: the slot after the cursor is the oldest once the ring is full.
    for (let i = 0; i < size; i++) {
      const value = this.ring[(this.cursor + i) % size];
      if (value !== EMPTY) outcomes.push(value === FAILURE ? 1 : 0);
    }
    return { kind: 'count', windowSize: size, outcomes };
  }

  restore(snapshot: StrategySnapshot): string | undefined {
    if (snapshot.kind !== 'count') return `strategy is "count", snapshot has "${snapshot.kind}"`;
    if (snapshot.windowSize !== this.ring.length) {
      return `windowSize is ${this.ring.length}, snapshot was taken with ${snapshot.windowSize}`;
    }
    this.reset();
    for (const outcome of snapshot.outcomes) this.push(outcome === 1 ? FAILURE : SUCCESS);
    return undefined;
  }

  private verdict(): TripReason | undefined {
    return this.calls >= this.minimumThroughput && this.failures / this.calls >= this.threshold
      ? 'failure_rate'
      : undefined;
  }

  private push(value: number): void {
    const evicted = this.ring[this.cursor];
    if (evicted === EMPTY) this.calls++;
    else if (evicted === FAILURE) this.failures--;
    if (value === FAILURE) this.failures++;
    this.ring[this.cursor] = value;
    this.cursor = this.cursor + 1 === this.ring.length ? 0 : this.cursor + 1;
  }
}

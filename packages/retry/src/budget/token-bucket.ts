import type { RetryBudget, RetryBudgetSettings, RetryBudgetSnapshot } from './types.js';

// Tokens are counted in thousandths so that 0.2 + 0.2 + ... is exact (Finagle scales by
// 1000 for the same reason); a ratio has three decimals of precision.
const SCALE = 1000;
// Deposits live in this many time slices of ttl/SLICES each: O(1) memory whatever the
// traffic, and a deposit expires between 0.9 and 1.0 ttl after it was made.
const SLICES = 10;
const slotOf = (index: number): number => ((index % SLICES) + SLICES) % SLICES;

/**
 * Finagle's retry budget as a token bucket with constant memory.
 *
 * - Every first attempt deposits `ratio` tokens; deposits expire after `ttlMs`.
 * - Every retry withdraws one token: first from the oldest unexpired deposits (they
 *   expire first), the rest from a floor bucket that refills at `minRetriesPerSecond` up to one
 *   second's worth (at least one token), so a quiet service can still retry.
 * - A withdrawal happens only when a whole token is there, so the level never goes below 0.
 *
 * Under a total outage the dependency therefore sees at most `1 + ratio` times its
 * first-attempt load, plus `minRetriesPerSecond` retries per second; with the defaults
 * (0.2, 10/s, 10 s) that is 1.2x plus 10/s instead of `maxAttempts` times.
 *
 * @see https://finagle.github.io/blog/2016/02/08/retry-budgets/
 * @see https://github.com/twitter/finagle (RetryBudget.scala: ttl, minRetriesPerSec, percentCanRetry)
 * @example
 * ```ts
 * const budget = new TokenBucketBudget('db', { ratio: 0.2, minRetriesPerSecond: 10, ttlMs: 10_000 });
 * budget.tryWithdraw(clock.now()); // true: the floor starts full (10 tokens)
 * ```
 */
export class TokenBucketBudget implements RetryBudget {
  readonly key: string;
  readonly settings: RetryBudgetSettings;
  private readonly depositAmount: number;
  private readonly sliceMs: number;
  private readonly slots = new Float64Array(SLICES);
  private head = -Infinity; // index of the newest slice seen
  private headSlot = 0;
  private headEnd = -Infinity; // clock time at which the head slice ends
  private deposited = 0; // sum of live slots
  private readonly floorRate: number; // milli-tokens per ms
  private readonly floorCapacity: number;
  private floor: number;
  private floorAt = Number.NaN; // clock time of the last refill (NaN until first use)
  private allowed = 0;
  private refused = 0;

  constructor(key: string, settings: RetryBudgetSettings) {
    this.key = key;
    this.settings = settings;
    this.depositAmount = Math.round(settings.ratio * SCALE);
    this.sliceMs = settings.ttlMs / SLICES;
    this.floorRate = settings.minRetriesPerSecond; // per second x SCALE / 1000 ms
    this.floorCapacity =
      settings.minRetriesPerSecond > 0 ? Math.max(1, settings.minRetriesPerSecond) * SCALE : 0;
    this.floor = this.floorCapacity;
  }

  deposit(now: number): void {
    if (this.depositAmount === 0) return;
    // Hot path (every call): within the current slice it is one comparison and an add.
    if (now >= this.headEnd) this.advance(now);
    this.slots[this.headSlot]! += this.depositAmount;
    this.deposited += this.depositAmount;
  }

  tryWithdraw(now: number): boolean {
    const index = this.advance(now);
    this.refill(now);
    if (this.deposited + this.floor < SCALE) {
      this.refused++;
      return false;
    }
    // Oldest live slice first (index - SLICES + 1 ... index), then the floor for the rest.
    let need = Math.min(SCALE, this.deposited);
    this.deposited -= need;
    this.floor -= SCALE - need;
    for (let k = index - SLICES + 1; need > 0 && k <= index; k++) {
      const slot = slotOf(k);
      const take = Math.min(this.slots[slot]!, need);
      this.slots[slot]! -= take;
      need -= take;
    }
    this.allowed++;
    return true;
  }

  available(now: number): number {
    this.advance(now);
    this.refill(now);
    return (this.deposited + this.floor) / SCALE;
  }

  snapshot(now: number): RetryBudgetSnapshot {
    const available = this.available(now);
    return {
      key: this.key,
      available,
      fromDeposits: this.deposited / SCALE,
      fromFloor: this.floor / SCALE,
      allowed: this.allowed,
      refused: this.refused,
    };
  }

  /** Moves the slice window to `now`, expiring slices older than the ttl; returns the current index. */
  private advance(now: number): number {
    const index = Math.floor(now / this.sliceMs);
    if (index <= this.head) return this.head;
    if (this.head === -Infinity || index - this.head >= SLICES) {
      this.slots.fill(0);
      this.deposited = 0;
    } else {
      for (let k = this.head + 1; k <= index; k++) {
        const slot = slotOf(k);
        this.deposited -= this.slots[slot]!;
        this.slots[slot] = 0;
      }
    }
    this.head = index;
    this.headSlot = slotOf(index);
    this.headEnd = (index + 1) * this.sliceMs;
    return index;
  }

  private refill(now: number): void {
    if (Number.isNaN(this.floorAt)) {
      this.floorAt = now;
      return;
    }
    if (now > this.floorAt) {
      this.floor = Math.min(this.floorCapacity, this.floor + (now - this.floorAt) * this.floorRate);
      this.floorAt = now;
    }
  }
}

/** Bucket count bounds: at least 10 (resolution windowMs / 10), at most 60 (memory). */
const MIN_BUCKETS = 10;
const MAX_BUCKETS = 60;

/**
 * A sliding time window of call counts (calls, failures, slow calls) as a ring of
 * fixed-width buckets, with totals kept incrementally: recording and reading are O(1)
 * (amortised), memory is constant, and nothing allocates after construction.
 *
 * Time comes from the caller (the breaker's injected clock). That is why this exists
 * instead of cockatiel's `SamplingBreaker`: it reads `Date.now()` itself (so a fake clock
 * cannot drive it), and it advances only one bucket per recorded call, so buckets older
 * than the window survive an idle gap and are still counted.
 *
 * Bucket `k` holds calls with `floor(t / bucketMs) === k`; the window is the current bucket
 * plus the `buckets - 1` before it, so it spans between `windowMs - bucketMs` and `windowMs`.
 * `bucketMs = windowMs / buckets`, with one bucket per second, clamped to [10, 60] buckets.
 * @internal
 */
export class TimeBuckets {
  /** Width of one bucket (ms). */
  readonly bucketMs: number;
  private readonly index: Float64Array;
  private readonly counts: Uint32Array;
  private newest = -Infinity;
  /** Calls in the window. */
  calls = 0;
  /** Failures in the window. */
  failures = 0;
  /** Slow calls in the window. */
  slow = 0;

  constructor(windowMs: number) {
    const buckets = Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, Math.ceil(windowMs / 1000)));
    this.bucketMs = windowMs / buckets;
    this.index = new Float64Array(buckets).fill(-1);
    // Three counters per bucket, side by side: calls, failures, slow.
    this.counts = new Uint32Array(buckets * 3);
  }

  /** Number of buckets in the ring. */
  get size(): number {
    return this.index.length;
  }

  /** Records one call at `now`. */
  record(now: number, failed: boolean, slow: boolean): void {
    const slot = this.advance(now);
    const base = slot * 3;
    this.counts[base]!++;
    this.calls++;
    if (failed) {
      this.counts[base + 1]!++;
      this.failures++;
    }
    if (slow) {
      this.counts[base + 2]!++;
      this.slow++;
    }
  }

  /** Drops buckets that have left the window at `now` (reads call this first). */
  expire(now: number): void {
    this.advance(now);
  }

  /** Empties the window. */
  clear(): void {
    this.index.fill(-1);
    this.counts.fill(0);
    this.newest = -Infinity;
    this.calls = 0;
    this.failures = 0;
    this.slow = 0;
  }

  /** Non-empty buckets in the window at `now`: `[bucketIndex, calls, failures, slow]`, oldest first. */
  toJSON(now: number): Array<[number, number, number, number]> {
    this.advance(now);
    const out: Array<[number, number, number, number]> = [];
    const size = this.index.length;
    for (let k = this.newest - size + 1; k <= this.newest; k++) {
      const slot = ((k % size) + size) % size;
      const base = slot * 3;
      if (this.index[slot] === k && this.counts[base]! > 0) {
        out.push([k, this.counts[base]!, this.counts[base + 1]!, this.counts[base + 2]!]);
      }
    }
    return out;
  }

  /** Replaces the window with `buckets` (as from {@link TimeBuckets.toJSON}), then expires at `now`. */
  load(buckets: readonly (readonly [number, number, number, number])[], now: number): void {
    this.clear();
    const size = this.index.length;
    for (const [k, calls, failures, slow] of buckets) {
      const slot = ((k % size) + size) % size;
      const base = slot * 3;
      if (this.index[slot] !== k) {
        this.drop(slot);
        this.index[slot] = k;
      }
      this.counts[base] = this.counts[base]! + calls;
      this.counts[base + 1] = this.counts[base + 1]! + failures;
      this.counts[base + 2] = this.counts[base + 2]! + slow;
      this.calls += calls;
      this.failures += failures;
      this.slow += slow;
      if (k > this.newest) this.newest = k;
    }
    this.advance(now);
  }

  /** Moves the window so that `now` is in its newest bucket; returns that bucket's slot. */
  private advance(now: number): number {
    const k = Math.floor(now / this.bucketMs);
    const size = this.index.length;
    if (k > this.newest) {
      // Clear every slot that the window passed over (all of them after a long gap).
      const from = Math.max(this.newest + 1, k - size + 1);
      for (let j = from; j <= k; j++) this.drop(((j % size) + size) % size);
      this.newest = k;
    }
    // A clock that steps back (never the monotonic system clock) records into the newest
    // bucket: writing to an older slot could clobber a bucket that is still in the window.
    const current = this.newest;
    const slot = ((current % size) + size) % size;
    if (this.index[slot] !== current) {
      this.drop(slot);
      this.index[slot] = current;
    }
    return slot;
  }

  private drop(slot: number): void {
    const base = slot * 3;
    this.calls -= this.counts[base]!;
    this.failures -= this.counts[base + 1]!;
    this.slow -= this.counts[base + 2]!;
    this.counts[base] = 0;
    this.counts[base + 1] = 0;
    this.counts[base + 2] = 0;
    this.index[slot] = -1;
  }
}

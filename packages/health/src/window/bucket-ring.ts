/**
 * Counters over a sliding time window: a ring of `buckets` time buckets of
 * `windowMs / buckets` ms each, with a few counter lanes per bucket and running totals.
 *
 * Recording is O(1) and allocation-free; moving into a new bucket clears the buckets that
 * fell out (amortised O(1): each bucket is cleared at most once per pass of the window).
 * Memory is `buckets * lanes` numbers, whatever the traffic.
 *
 * **Expiry rule.** A sample recorded at time `t` belongs to bucket `e = floor(t / bucketMs)`
 * and is counted until the clock reaches `(e + buckets) * bucketMs`, that is for a time in
 * `(windowMs - bucketMs, windowMs]` after it was recorded: the window slides in whole buckets.
 *
 * cockatiel's `SamplingBreaker` keeps a similar ring internally, but does not expose it and
 * has no lanes beyond success/failure, so the health tracker keeps its own.
 */
export class BucketRing {
  /** Width of one bucket (ms). */
  readonly bucketMs: number;
  /** Number of buckets. */
  readonly buckets: number;
  /** Counter lanes per bucket. */
  readonly lanes: number;
  private readonly counts: Float64Array;
  private readonly sums: Float64Array;
  private readonly epochs: Float64Array;
  private head = -Infinity;
  private headOffset = 0;
  /** Below this time the current bucket is still current (see {@link nextEdge}). */
  private edge = -Infinity;

  constructor(windowMs: number, buckets: number, lanes: number) {
    this.bucketMs = windowMs / buckets;
    this.buckets = buckets;
    this.lanes = lanes;
    // Float64 counts stay exact up to 2^53 and cannot wrap the way a Uint32 would.
    this.counts = new Float64Array(buckets * lanes);
    this.sums = new Float64Array(lanes);
    this.epochs = new Float64Array(buckets).fill(-Infinity);
  }

  /**
   * Moves the window to `now`, dropping buckets that fell out. A clock that goes
   * backwards is ignored (the newest bucket stays current), so totals never go negative.
   * Returns whether the window moved (a new bucket became current).
   */
  advance(now: number): boolean {
    if (now < this.edge) return false; // the common case: no division
    const epoch = Math.floor(now / this.bucketMs);
    if (epoch <= this.head) return false;
    const { buckets, lanes, counts, sums, epochs } = this;
    const steps = epoch - this.head >= buckets ? buckets : epoch - this.head;
    for (let e = epoch - steps + 1; e <= epoch; e++) {
      const slot = ((e % buckets) + buckets) % buckets;
      if (epochs[slot] !== -Infinity) {
        const base = slot * lanes;
        for (let lane = 0; lane < lanes; lane++) {
          sums[lane]! -= counts[base + lane]!;
          counts[base + lane] = 0;
        }
      }
      epochs[slot] = e;
    }
    this.head = epoch;
    this.headOffset = (((epoch % buckets) + buckets) % buckets) * lanes;
    this.edge = nextEdge(epoch, this.bucketMs);
    return true;
  }

  /** Adds `n` to `lane` in the current bucket. Call {@link BucketRing.advance} first. */
  add(lane: number, n = 1): void {
    this.counts[this.headOffset + lane]! += n;
    this.sums[lane]! += n;
  }

  /** A time below which {@link BucketRing.advance} would not move the window (`-Infinity` before the first). */
  get nextAt(): number {
    return this.edge;
  }

  /** Total of `lane` over the window as of the last {@link BucketRing.advance}. */
  total(lane: number): number {
    return this.sums[lane]!;
  }

  /** Clears every bucket. */
  reset(): void {
    this.counts.fill(0);
    this.sums.fill(0);
    this.epochs.fill(-Infinity);
    this.head = -Infinity;
    this.headOffset = 0;
    this.edge = -Infinity;
  }
}

/**
 * A time just below the start of bucket `epoch + 1` (bucket width `width`): any `now` under
 * it has `Math.floor(now / width) <= epoch`, so `advance()` answers with one comparison and
 * divides only near an edge. The margin, a relative 2^-51 (under a microsecond at
 * Unix-epoch milliseconds), exceeds the rounding of the product, of this subtraction and of
 * the division (each at most 2^-53 relative), so the comparison never says "same bucket"
 * where the division would not. @internal
 */
export function nextEdge(epoch: number, width: number): number {
  const edge = (epoch + 1) * width;
  return edge - Math.abs(edge) * 2 ** -51;
}

import { nextEdge } from '../window/bucket-ring.js';
import { HISTOGRAM_SIZE, bucketIndex, bucketValue, quantileIndex } from './log-linear.js';

/** Most time slices a latency window keeps (bounds memory at ~22 KB per tracker). */
export const MAX_LATENCY_SLICES = 12;

/**
 * Latency percentiles over a sliding time window, in constant memory: a ring of
 * `slices` log-linear histograms (see `log-linear.ts`) plus their running sum, so a
 * record is two array increments and a percentile is one scan of the sum.
 *
 * Memory is `slices * HISTOGRAM_SIZE * 4` bytes (+ the sum), about 1.8 KB per slice.
 * The window slides in steps of `windowMs / slices`; a slice is dropped the same way
 * `BucketRing` drops a bucket.
 *
 * An optional *mark* (the latency SLO) keeps a running count of samples in buckets above
 * the mark's bucket, so "is p95 above the SLO?" is answered in O(1) without a scan.
 */
export class WindowedHistogram {
  /** Width of one time slice (ms). */
  readonly sliceMs: number;
  /** Number of time slices. */
  readonly slices: number;
  /** Bucket index of the mark (-1 when no mark is set). */
  readonly markIndex: number;
  private readonly counts: Uint32Array;
  private readonly sum: Float64Array;
  private readonly sliceTotals: Float64Array;
  private readonly sliceAbove: Float64Array;
  private head = -Infinity;
  private headSlot = 0;
  /** Below this time the current slice is still current (see `nextEdge`). */
  private nextAt = -Infinity;
  private total = 0;
  private above = 0;

  constructor(windowMs: number, slices: number, markMs?: number) {
    this.sliceMs = windowMs / slices;
    this.slices = slices;
    this.markIndex = markMs === undefined ? -1 : bucketIndex(markMs);
    this.counts = new Uint32Array(slices * HISTOGRAM_SIZE);
    this.sum = new Float64Array(HISTOGRAM_SIZE);
    this.sliceTotals = new Float64Array(slices);
    this.sliceAbove = new Float64Array(slices);
  }

  /**
   * Moves the window to `now`, dropping slices that fell out. Backward time is ignored.
   * Returns whether the window moved (a new slice became current).
   */
  advance(now: number): boolean {
    if (now < this.nextAt) return false; // the common case: no division
    const epoch = Math.floor(now / this.sliceMs);
    if (epoch <= this.head) return false;
    const steps = epoch - this.head >= this.slices ? this.slices : epoch - this.head;
    for (let e = epoch - steps + 1; e <= epoch; e++)
      this.clearSlot(((e % this.slices) + this.slices) % this.slices);
    this.head = epoch;
    this.headSlot = ((epoch % this.slices) + this.slices) % this.slices;
    this.nextAt = nextEdge(epoch, this.sliceMs);
    return true;
  }

  private clearSlot(slot: number): void {
    const slotTotal = this.sliceTotals[slot]!;
    if (slotTotal === 0) return;
    const base = slot * HISTOGRAM_SIZE;
    const { counts, sum } = this;
    for (let i = 0; i < HISTOGRAM_SIZE; i++) {
      const c = counts[base + i]!;
      if (c !== 0) {
        sum[i]! -= c;
        counts[base + i] = 0;
      }
    }
    this.total -= slotTotal;
    this.above -= this.sliceAbove[slot]!;
    this.sliceTotals[slot] = 0;
    this.sliceAbove[slot] = 0;
  }

  /** Records one duration (ms, finite, >= 0). Call {@link WindowedHistogram.advance} first. */
  record(ms: number): void {
    const index = bucketIndex(ms);
    const slot = this.headSlot;
    this.counts[slot * HISTOGRAM_SIZE + index]!++;
    this.sum[index]!++;
    this.sliceTotals[slot]!++;
    this.total++;
    if (this.markIndex >= 0 && index > this.markIndex) {
      this.sliceAbove[slot]!++;
      this.above++;
    }
  }

  /** Samples in the window. */
  get count(): number {
    return this.total;
  }

  /** Samples in buckets above the mark's bucket (0 without a mark). */
  get aboveMark(): number {
    return this.above;
  }

  /** The nearest-rank `q`-quantile (ms) of the window, or `undefined` when it is empty. */
  quantile(q: number): number | undefined {
    const index = quantileIndex(this.sum, this.total, q);
    return index < 0 ? undefined : bucketValue(index);
  }

  /**
   * The `q`-quantile (ms) when it lies above the mark's bucket, else `undefined`. O(1)
   * when it does not; otherwise it scans only the buckets above the mark.
   */
  quantileAboveMark(q: number): number | undefined {
    if (this.markIndex < 0 || this.above === 0) return undefined;
    const below = this.total - this.above;
    if (below >= Math.max(1, Math.ceil(q * this.total))) return undefined;
    return bucketValue(quantileIndex(this.sum, this.total, q, this.markIndex + 1, below));
  }

  /** Clears every slice. */
  reset(): void {
    this.counts.fill(0);
    this.sum.fill(0);
    this.sliceTotals.fill(0);
    this.sliceAbove.fill(0);
    this.head = -Infinity;
    this.headSlot = 0;
    this.nextAt = -Infinity;
    this.total = 0;
    this.above = 0;
  }
}

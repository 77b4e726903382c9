/**
 * The bucket layout of the latency histogram: log-linear (HDR-style), constant size.
 *
 * Every power-of-two range `[2^k, 2^(k+1))` ms, for `k` from {@link LOG_MIN_EXP} to
 * {@link LOG_MAX_EXP} - 1, is cut into {@link SUB_BUCKETS} equal sub-buckets. Below
 * `2^LOG_MIN_EXP` ms (62.5 us) sit {@link SUB_BUCKETS} linear buckets of 2^-8 ms (~3.9 us);
 * at or above `2^LOG_MAX_EXP` ms (~4.7 h) one overflow bucket.
 *
 * **Error bound.** A value is reported as the midpoint of its bucket, so for any value
 * `v >= 2^-4` ms the reported value is within `v / 32` (3.125 % relative error); below
 * that the absolute error is at most 2^-9 ms (~2 us). Values in the overflow bucket are
 * reported as its lower bound, `2^24` ms.
 *
 * @see https://hdrhistogram.github.io/HdrHistogram/ (the log-linear layout)
 */

/** Sub-buckets per power of two. 16 gives a relative error of at most 1/32. */
export const SUB_BUCKETS = 16;
/** Exponent of the smallest logarithmic range: 2^-4 ms = 62.5 us. */
export const LOG_MIN_EXP = -4;
/** Exponent where the overflow bucket starts: 2^24 ms, about 4.66 hours. */
export const LOG_MAX_EXP = 24;
/** Total number of buckets (linear + logarithmic + overflow). */
export const HISTOGRAM_SIZE = SUB_BUCKETS + (LOG_MAX_EXP - LOG_MIN_EXP) * SUB_BUCKETS + 1;
/** Largest relative error of a reported value at or above 2^-4 ms. */
export const RELATIVE_ERROR_BOUND = 1 / (2 * SUB_BUCKETS);

const LINEAR_LIMIT = 2 ** LOG_MIN_EXP;
const LINEAR_WIDTH = LINEAR_LIMIT / SUB_BUCKETS;
const LINEAR_SCALE = 1 / LINEAR_WIDTH;
const OVERFLOW_LIMIT = 2 ** LOG_MAX_EXP;
const OVERFLOW_INDEX = HISTOGRAM_SIZE - 1;

// Scratch view of one float64: the exponent and the top mantissa bits of a value *are*
// its octave and sub-bucket, so the index comes from two shifts instead of log2 and pow.
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // high word: 1 on little-endian
const SUB_SHIFT = 20 - Math.log2(SUB_BUCKETS);

/**
 * The bucket of a duration in ms (must be a finite number >= 0; the tracker validates).
 * Constant time and exact: the octave is the IEEE-754 exponent and the sub-bucket the top
 * four mantissa bits.
 */
export function bucketIndex(ms: number): number {
  // LINEAR_WIDTH is a power of two: multiplying by its inverse is exact, and cheaper.
  if (ms < LINEAR_LIMIT) return Math.floor(ms * LINEAR_SCALE);
  if (ms >= OVERFLOW_LIMIT) return OVERFLOW_INDEX;
  scratch[0] = ms;
  const hi = words[HI]!;
  const exp = ((hi >>> 20) & 0x7ff) - 1023;
  return SUB_BUCKETS + (exp - LOG_MIN_EXP) * SUB_BUCKETS + ((hi >>> SUB_SHIFT) & (SUB_BUCKETS - 1));
}

/** Inclusive lower bound (ms) of bucket `index`. */
export function bucketLowerBound(index: number): number {
  if (index < SUB_BUCKETS) return index * LINEAR_WIDTH;
  if (index >= OVERFLOW_INDEX) return OVERFLOW_LIMIT;
  const offset = index - SUB_BUCKETS;
  const exp = LOG_MIN_EXP + Math.floor(offset / SUB_BUCKETS);
  return 2 ** exp * (1 + (offset % SUB_BUCKETS) / SUB_BUCKETS);
}

/** The value (ms) reported for bucket `index`: its midpoint (the overflow bucket: its lower bound). */
export function bucketValue(index: number): number {
  if (index >= OVERFLOW_INDEX) return OVERFLOW_LIMIT;
  return (bucketLowerBound(index) + bucketLowerBound(index + 1)) / 2;
}

/**
 * The nearest-rank `q`-quantile of the counts in `counts` (total `total`), as a bucket
 * index, scanning upward from `fromIndex` with `below` samples already counted under it.
 * Returns -1 when `total` is 0.
 */
export function quantileIndex(
  counts: ArrayLike<number>,
  total: number,
  q: number,
  fromIndex = 0,
  below = 0,
): number {
  if (total <= 0) return -1;
  const rank = Math.max(1, Math.ceil(q * total));
  let cumulative = below;
  for (let i = fromIndex; i < HISTOGRAM_SIZE; i++) {
    cumulative += counts[i]!;
    if (cumulative >= rank) return i;
  }
  return OVERFLOW_INDEX;
}

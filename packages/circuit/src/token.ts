/**
 * Admission tokens (what `tryAcquire()` returns) are plain numbers, so the admission
 * protocol allocates nothing: `token = epoch * SLOT_SPACE + probe`.
 *
 * - `epoch` counts the breaker's state changes. A report whose token carries an older epoch
 *   is *stale*: the call was admitted before the breaker last changed state, so its outcome
 *   is counted in the statistics but decides nothing now (cockatiel and the legacy breakers
 *   let such late results flip a breaker that had already moved on).
 * - `probe` is 0 for a call admitted while closed (or disabled), and the probe's sequence
 *   number (1, 2, ...) within the half-open period otherwise. Sequence numbers are never
 *   reused within a period, so a late report can never be mistaken for a newer probe's.
 *
 * With 2^20 probes per half-open period, `2^53 / SLOT_SPACE` leaves room for 2^33 state
 * changes; past that the epoch wraps to 0 (see {@link nextTokenBase}).
 * @internal
 */
export const SLOT_SPACE = 1_048_576;

/** Highest probe sequence number in one half-open period. @internal */
export const MAX_PROBE_SEQ = SLOT_SPACE - 1;

const WRAP_AT = Number.MAX_SAFE_INTEGER - 2 * SLOT_SPACE;

/**
 * The token base of the next epoch. It wraps to 0 before losing integer precision; a
 * token would have to stay in flight across 2^33 state changes to be confused.
 * @internal
 */
export function nextTokenBase(tokenBase: number): number {
  return tokenBase >= WRAP_AT ? 0 : tokenBase + SLOT_SPACE;
}

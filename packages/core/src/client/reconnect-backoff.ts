import type { Random } from '@rel/config';
import { exponentialDelay, fullJitter } from '@rel/retry';

/** Options of {@link reconnectDelay}. */
export interface ReconnectBackoffOptions {
  /** Ceiling of the first delay. @defaultValue 500 */
  readonly baseDelayMs: number;
  /** Largest ceiling, whatever the attempt. @defaultValue 30000 */
  readonly maxDelayMs: number;
  /** Growth of the ceiling per attempt. @defaultValue 2 */
  readonly multiplier: number;
}

/**
 * Delay before reconnect attempt `attempt` (1-based): exponential growth capped at
 * `maxDelayMs`, with full jitter, `U(0, min(maxDelayMs, baseDelayMs * multiplier^(attempt-1)))`.
 * Full jitter spreads a crowd of clients that lost the same server (a deploy, a restart)
 * the most evenly, so they do not all come back in the same millisecond.
 *
 * The formula is @rel/retry's (`exponentialDelay` then `fullJitter`), the same pure
 * backoff the retry engine uses, so a reconnect storm behaves like any other retry.
 *
 * @example
 * ```ts
 * reconnectDelay(3, { baseDelayMs: 500, maxDelayMs: 30_000, multiplier: 2 }, Math.random); // in [0, 2000)
 * ```
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (full jitter)
 */
export function reconnectDelay(attempt: number, options: ReconnectBackoffOptions, random: Random): number {
  // Cap before jittering: the jitter then spreads clients over the whole capped range
  // (multiplier^attempt may also overflow to Infinity during a long outage).
  const raw = exponentialDelay(Math.max(1, attempt), options.baseDelayMs, options.multiplier);
  const ceiling = Number.isFinite(raw) ? Math.min(options.maxDelayMs, raw) : options.maxDelayMs;
  return Math.floor(fullJitter(ceiling, random));
}

import type { Random } from '@rel/config';

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
 * This is a local stand-in for the pure backoff functions of `@rel/retry`, which are
 * written in parallel; the client will call those (`exponential` + `full` jitter) once
 * they land, with the same formula and options.
 *
 * @example
 * ```ts
 * reconnectDelay(3, { baseDelayMs: 500, maxDelayMs: 30_000, multiplier: 2 }, Math.random); // in [0, 2000)
 * ```
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (full jitter)
 */
export function reconnectDelay(attempt: number, options: ReconnectBackoffOptions, random: Random): number {
  const exponent = Math.max(0, attempt - 1);
  // Cap before multiplying out: multiplier^exponent overflows to Infinity for long outages.
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * Math.pow(options.multiplier, exponent));
  const capped = Number.isFinite(ceiling) ? ceiling : options.maxDelayMs;
  return Math.floor(random() * capped);
}

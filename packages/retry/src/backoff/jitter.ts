import type { JitterKind, Random } from '@rel/config';

// cockatiel has `fullJitterGenerator` and `halfJitterGenerator`, but they are tied to its
// own exponential formula, floor the result and read `Math.random` directly (no injected
// source, so no seeded tests); `proportional` (the legacy +/- range) it does not have.
// Each jitter here is one line over an injected `Random`.

/**
 * Full jitter: `U(0, d)`. The least total work under contention (Brooker), and the
 * default of {@link RetryConfig}.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (Full Jitter)
 * @example
 * ```ts
 * fullJitter(1_000, () => 0.25); // 250
 * ```
 */
export function fullJitter(delayMs: number, random: Random): number {
  return random() * delayMs;
}

/**
 * Equal jitter: `d/2 + U(0, d/2)`, so never less than half the delay.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (Equal Jitter)
 * @example
 * ```ts
 * equalJitter(1_000, () => 0.5); // 750
 * ```
 */
export function equalJitter(delayMs: number, random: Random): number {
  const half = delayMs / 2;
  return half + random() * half;
}

/**
 * Proportional jitter: `d * (1 ± range)`, i.e. `d + d * range * (2U - 1)`, symmetric around
 * the delay (the legacy `EXPONENTIAL_JITTER` with its `jitter_range`).
 *
 * @param jitterRange - the spread in [0, 1] (0.1 = ±10%).
 * @see legacy `unified_retry_handler._calculate_delay`, strategy `EXPONENTIAL_JITTER`
 * @example
 * ```ts
 * proportionalJitter(1_000, 0.1, () => 1 - 1e-9); // ~1100
 * proportionalJitter(1_000, 0.1, () => 0); // 900
 * ```
 */
export function proportionalJitter(delayMs: number, jitterRange: number, random: Random): number {
  return delayMs + delayMs * jitterRange * (2 * random() - 1);
}

/**
 * Applies a jitter kind to a delay. `none` returns it unchanged. The result is not
 * capped here; {@link createBackoff} caps after jitter, so a capped delay stays <= the cap.
 *
 * @example
 * ```ts
 * applyJitter('equal', 2_000, { jitterRange: 0.1, random: () => 0 }); // 1000
 * ```
 */
export function applyJitter(
  kind: JitterKind,
  delayMs: number,
  options: { readonly jitterRange: number; readonly random: Random },
): number {
  switch (kind) {
    case 'none':
      return delayMs;
    case 'full':
      return fullJitter(delayMs, options.random);
    case 'equal':
      return equalJitter(delayMs, options.random);
    case 'proportional':
      return proportionalJitter(delayMs, options.jitterRange, options.random);
  }
}

import type { Random } from '@rel/config';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A reproducible {@link Random} in [0, 1): the same seed gives the same sequence on every
 * machine (xoroshiro128+ from pure-rand, the generator fast-check uses). The demo seeds
 * the upstream's fault decisions, the conversations and the jitter of @rel with it, so two
 * runs with one seed make the same decisions in the same order.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // always the same first number for seed 42
 * ```
 */
export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/**
 * Derives an independent stream from a seed and a label, so that adding a consumer (an
 * agent, a route) does not shift the numbers every other consumer sees.
 *
 * @example
 * ```ts
 * const upstream = childRandom(42, 'upstream');
 * ```
 */
export function childRandom(seed: number, label: string): Random {
  // FNV-1a of the label, mixed with the seed: a stable 32-bit derived seed.
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return seededRandom(h >>> 0);
}

/** An integer in `[min, max]` from `random`. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of `items`, chosen with `random`. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick() needs a non-empty list');
  return item;
}

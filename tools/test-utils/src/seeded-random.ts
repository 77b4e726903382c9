import type { Random } from '@rel/config';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A reproducible {@link Random}: the same seed gives the same sequence on every machine
 * (xoroshiro128+ from pure-rand, the generator fast-check uses).
 */
export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** A {@link Random} that returns the given values in turn (cycling), for exact-value tests. */
export function sequenceRandom(values: readonly number[]): Random {
  if (values.length === 0) throw new RangeError('sequenceRandom needs at least one value');
  let i = 0;
  return () => values[i++ % values.length]!;
}

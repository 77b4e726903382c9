/**
 * A source of uniform random numbers in [0, 1). Inject a seeded one in tests
 * (`seededRandom(seed)` from `@rel/test-utils`) to make jitter reproducible.
 */
export type Random = () => number;

/** `Math.random`, looked up on every call. */
export const systemRandom: Random = () => Math.random();

import { sequenceRandom, seededRandom } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-backoff.js';

const OPTIONS = { baseDelayMs: 500, maxDelayMs: 30_000, multiplier: 2 };

describe('reconnectDelay', () => {
  it('is U(0, min(max, base * multiplier^(attempt-1))): exact at the ends of the random range', () => {
    const top = sequenceRandom([0.999_999]);
    expect([1, 2, 3, 4, 7, 8, 50].map((a) => reconnectDelay(a, OPTIONS, top))).toEqual([
      499, 999, 1_999, 3_999, 29_999, 29_999, 29_999,
    ]);
    expect(reconnectDelay(5, OPTIONS, sequenceRandom([0]))).toBe(0);
    expect(reconnectDelay(3, OPTIONS, sequenceRandom([0.5]))).toBe(1_000);
  });

  it('stays within its bounds for any options and attempt, even past overflow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.integer(),
        (attempt, base, max, multiplier, seed) => {
          const delay = reconnectDelay(
            attempt,
            { baseDelayMs: base, maxDelayMs: max, multiplier },
            seededRandom(seed),
          );
          const ceiling = Math.min(max, base * multiplier ** (attempt - 1));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Number.isFinite(ceiling) ? Math.max(0, ceiling) : max);
        },
      ),
      { seed: 5 },
    );
  });
});

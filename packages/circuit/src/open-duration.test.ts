import fc from 'fast-check';
import { sequenceRandom } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { baseOpenDuration, openDuration, type OpenDurationConfig } from './open-duration.js';

const configs = fc
  .record({
    openMs: fc.integer({ min: 1, max: 600_000 }),
    openBackoffMultiplier: fc.double({ min: 1, max: 100, noNaN: true }),
    extra: fc.integer({ min: 0, max: 3_600_000 }),
    openJitter: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ extra, ...c }): OpenDurationConfig => ({ ...c, maxOpenMs: c.openMs + extra }));

describe('open duration', () => {
  it('grows by the multiplier per opening and is capped by maxOpenMs', () => {
    const config = { openMs: 1_000, openBackoffMultiplier: 3, maxOpenMs: 20_000, openJitter: 0 };
    expect([1, 2, 3, 4, 5].map((n) => baseOpenDuration(config, n))).toEqual([
      1_000, 3_000, 9_000, 20_000, 20_000,
    ]);
    expect(baseOpenDuration(config, 10_000)).toBe(20_000); // an infinite growth is capped too
  });

  it('stays within [base * (1 - jitter), min(max, base * (1 + jitter))] for any random value', () => {
    fc.assert(
      fc.property(
        configs,
        fc.integer({ min: 1, max: 2_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (config, opening, u) => {
          const base = baseOpenDuration(config, opening);
          const d = openDuration(config, opening, () => u);
          expect(base).toBeLessThanOrEqual(config.maxOpenMs);
          expect(base).toBeGreaterThanOrEqual(config.openMs);
          expect(d).toBeGreaterThanOrEqual(base * (1 - config.openJitter) - 1e-6);
          expect(d).toBeLessThanOrEqual(Math.min(config.maxOpenMs, base * (1 + config.openJitter)) + 1e-6);
        },
      ),
    );
  });

  it('never shrinks from one opening to the next without jitter', () => {
    fc.assert(
      fc.property(configs, fc.integer({ min: 1, max: 200 }), (config, opening) => {
        expect(baseOpenDuration(config, opening + 1)).toBeGreaterThanOrEqual(
          baseOpenDuration(config, opening),
        );
      }),
    );
  });

  it('reads the random source once, only when jitter is on', () => {
    let calls = 0;
    const random = () => (calls++, 0.25);
    openDuration({ openMs: 100, openBackoffMultiplier: 2, maxOpenMs: 1_000, openJitter: 0 }, 1, random);
    expect(calls).toBe(0);
    expect(
      openDuration({ openMs: 100, openBackoffMultiplier: 2, maxOpenMs: 1_000, openJitter: 0.5 }, 1, random),
    ).toBe(75);
    expect(calls).toBe(1);
    expect(
      openDuration(
        { openMs: 800, openBackoffMultiplier: 2, maxOpenMs: 1_000, openJitter: 0.5 },
        1,
        sequenceRandom([0.99]),
      ),
    ).toBe(1_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJitter, equalJitter, fullJitter, proportionalJitter } from './jitter.js';

// Delays in ms from 0 to ~11 days, with a fractional part (no subnormals: not a duration).
const delay = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e9, noNaN: true }));
// A random source that returns one arbitrary value in [0, 1).
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const range = fc.double({ min: 0, max: 1, noNaN: true });

describe('jitter bounds (property)', () => {
  it('full jitter lies in [0, d)', () => {
    fc.assert(
      fc.property(delay, unit, (d, u) => {
        const v = fullJitter(d, () => u);
        expect(v).toBeGreaterThanOrEqual(0);
        if (d > 0) expect(v).toBeLessThan(d);
        else expect(v).toBe(0);
      }),
    );
  });

  it('equal jitter lies in [d/2, d)', () => {
    fc.assert(
      fc.property(delay, unit, (d, u) => {
        const v = equalJitter(d, () => u);
        expect(v).toBeGreaterThanOrEqual(d / 2);
        expect(v).toBeLessThanOrEqual(d);
      }),
    );
  });

  it('proportional jitter lies in [d(1-r), d(1+r)]', () => {
    fc.assert(
      fc.property(delay, range, unit, (d, r, u) => {
        const v = proportionalJitter(d, r, () => u);
        const eps = d * 1e-12;
        expect(v).toBeGreaterThanOrEqual(d * (1 - r) - eps);
        expect(v).toBeLessThanOrEqual(d * (1 + r) + eps);
      }),
    );
  });

  it('none returns the delay unchanged and never calls random', () => {
    fc.assert(
      fc.property(delay, (d) => {
        const v = applyJitter('none', d, {
          jitterRange: 0.5,
          random: () => {
            throw new Error('random must not be read');
          },
        });
        expect(v).toBe(d);
      }),
    );
  });
});

describe('jitter formulas at the edges', () => {
  it('maps U = 0 and U -> 1 to the ends of each range', () => {
    expect(fullJitter(1_000, () => 0)).toBe(0);
    expect(equalJitter(1_000, () => 0)).toBe(500);
    expect(equalJitter(1_000, () => 0.5)).toBe(750);
    expect(proportionalJitter(1_000, 0.1, () => 0)).toBe(900);
    expect(proportionalJitter(1_000, 0.1, () => 0.5)).toBe(1_000);
    expect(proportionalJitter(1_000, 0.1, () => 0.75)).toBeCloseTo(1_050, 9);
  });

  it('applyJitter dispatches on the kind', () => {
    const options = { jitterRange: 0.2, random: () => 0.25 };
    expect(applyJitter('full', 800, options)).toBe(200);
    expect(applyJitter('equal', 800, options)).toBe(500);
    expect(applyJitter('proportional', 800, options)).toBeCloseTo(720, 9);
  });
});

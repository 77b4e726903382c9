import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decorrelatedDelay } from './decorrelated.js';
import { exponentialDelay } from './exponential.js';
import { fibonacci, fibonacciDelay } from './fibonacci.js';
import { fixedDelay } from './fixed.js';
import { linearDelay } from './linear.js';

const attempt = fc.integer({ min: 1, max: 60 });
const baseMs = fc.integer({ min: 0, max: 100_000 });

describe('strategy formulas (property)', () => {
  it('fixed is the base; linear is base * a', () => {
    fc.assert(
      fc.property(attempt, baseMs, (a, b) => {
        expect(fixedDelay(a, b)).toBe(b);
        expect(linearDelay(a, b)).toBe(b * a);
      }),
    );
  });

  it('exponential: d(1) = base and d(a+1) = d(a) * multiplier', () => {
    fc.assert(
      fc.property(attempt, baseMs, fc.double({ min: 1, max: 5, noNaN: true }), (a, b, m) => {
        expect(exponentialDelay(1, b, m)).toBe(b);
        const next = exponentialDelay(a + 1, b, m);
        expect(next).toBeCloseTo(exponentialDelay(a, b, m) * m, -Math.log10(Math.max(1, next)) + 6);
      }),
    );
  });

  it('fibonacci: F(1) = F(2) = 1 and F(n) = F(n-1) + F(n-2)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(fibonacci)).toEqual([1, 1, 2, 3, 5, 8, 13]);
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 78 }), (n) => {
        expect(fibonacci(n)).toBe(fibonacci(n - 1) + fibonacci(n - 2));
      }),
    );
    expect(fibonacci(0)).toBe(0);
    expect(fibonacci(79)).toBe(Infinity);
    expect(fibonacciDelay(6, 500)).toBe(4_000);
  });

  it('decorrelated: in [base, min(cap, 3 * prev)), prev defaulting to base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (b, prev, u) => {
          const cap = b * 100;
          const d = decorrelatedDelay(prev, b, cap, () => u);
          const p = prev > 0 ? prev : b;
          expect(d).toBeGreaterThanOrEqual(Math.min(b, cap));
          expect(d).toBeLessThanOrEqual(Math.min(cap, Math.max(b, 3 * p)));
        },
      ),
    );
    expect(decorrelatedDelay(0, 100, 10_000, () => 0.5)).toBe(200);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentReliabilityDelay, reliabilityRetryDelay, retryManagerDelay } from './legacy-delays.js';
import { penaltyHealthScore } from './penalty-health-score.js';

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const seconds = fc.double({ min: 0, max: 100, noNaN: true });

describe('retryManagerDelay (agents RetryManager)', () => {
  it('has the legacy values for base 1 s', () => {
    const r = (): number => 0.5;
    expect([1, 2, 3, 4].map((a) => retryManagerDelay('fixed', a, 1, 60, r))).toEqual([1, 1, 1, 1]);
    expect([1, 2, 3, 4].map((a) => retryManagerDelay('linear', a, 1, 60, r))).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3, 4].map((a) => retryManagerDelay('exponential', a, 1, 60, r))).toEqual([1, 2, 4, 8]);
    expect(retryManagerDelay('exponential_jitter', 3, 1, 60, r)).toBeCloseTo(4 * 1.3, 12);
  });

  it('exponential_jitter is always 10-50 % above base·2^(a-1), and every strategy is capped (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), seconds, seconds, unit, (a, base, max, u) => {
        const e = base * 2 ** (a - 1);
        const d = retryManagerDelay('exponential_jitter', a, base, max, () => u);
        expect(d).toBeLessThanOrEqual(max);
        expect(d).toBeGreaterThanOrEqual(Math.min(e * 1.1, max) * (1 - 1e-12));
        expect(d).toBeLessThanOrEqual(Math.min(e * 1.5, max) * (1 + 1e-12));
        for (const s of ['fixed', 'linear', 'exponential'] as const)
          expect(retryManagerDelay(s, a, base, max, () => u)).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('reliabilityRetryDelay (reliability-retry RetryHandler)', () => {
  it('is min(base·k^a, max) and at most 25 % more with jitter, after the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        seconds,
        fc.double({ min: 1, max: 4, noNaN: true }),
        seconds,
        unit,
        (a, base, k, max, u) => {
          const d = Math.min(base * k ** a, max);
          expect(reliabilityRetryDelay(a, base, k, max, false, () => u)).toBe(d);
          const j = reliabilityRetryDelay(a, base, k, max, true, () => u);
          expect(j).toBeGreaterThanOrEqual(d);
          expect(j).toBeLessThanOrEqual(d * 1.25);
        },
      ),
    );
  });
});

describe('agentReliabilityDelay (agents ReliabilityManager)', () => {
  it('is 2, 4, 8, then 10 s', () => {
    expect([1, 2, 3, 4, 5].map(agentReliabilityDelay)).toEqual([2, 4, 8, 10, 10]);
  });
});

describe('penaltyHealthScore (legacy AgentReliabilityWrapper)', () => {
  it('is 1 before any call, and the penalties are capped', () => {
    expect(penaltyHealthScore({ totalCalls: 0, successfulCalls: 0, opens: 9, recentErrors: 9 })).toBe(1);
    expect(penaltyHealthScore({ totalCalls: 10, successfulCalls: 9, opens: 1, recentErrors: 1 })).toBeCloseTo(
      0.6,
      12,
    );
    expect(
      penaltyHealthScore({ totalCalls: 10, successfulCalls: 10, opens: 10, recentErrors: 10 }),
    ).toBeCloseTo(0.2, 12);
    expect(penaltyHealthScore({ totalCalls: 10, successfulCalls: 1, opens: 3, recentErrors: 0 })).toBe(0);
  });

  it('stays within [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(20), fc.nat(100), (total, ok, opens, recent) => {
        const score = penaltyHealthScore({
          totalCalls: total,
          successfulCalls: Math.min(ok, total),
          opens,
          recentErrors: recent,
        });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAKER_STATES, toBreakerState } from './breaker-state.js';
import {
  HEALTH_SCORE_WEIGHTS,
  healthScore,
  healthScoreBreakdown,
  type HealthScoreInput,
} from './health-score.js';

const base: HealthScoreInput = {
  successes: 0,
  failures: 0,
  recentSuccesses: 0,
  recentFailures: 0,
  consecutiveFailures: 0,
  minSamples: 5,
  breakerState: undefined,
  budgetLevel: undefined,
  latencySloMs: undefined,
  latencyP95Ms: undefined,
  latencySamples: 0,
};
const input = (over: Partial<HealthScoreInput>): HealthScoreInput => ({ ...base, ...over });

describe('healthScore at its edges', () => {
  it('no data: 1', () => {
    expect(healthScore(base)).toBe(1);
  });

  it('all success: 1', () => {
    expect(healthScore(input({ successes: 1_000, recentSuccesses: 5_000 }))).toBe(1);
  });

  it('all failure over at least minSamples: 0', () => {
    expect(healthScore(input({ failures: 5, recentFailures: 5, consecutiveFailures: 5 }))).toBe(0);
    expect(healthScore(input({ failures: 500 }))).toBe(0);
  });

  it('fewer than minSamples count as if padded with successes', () => {
    // 1 failure of 1 sample, minSamples 5: 1/5 off the window, 0.2 * 1/5 off the recent window.
    expect(healthScore(input({ failures: 1, recentFailures: 1, consecutiveFailures: 1 }))).toBeCloseTo(
      0.76,
      12,
    );
    expect(healthScoreBreakdown(input({ failures: 1 })).failureRate).toBe(0.2);
  });

  it('breaker open or isolated takes 0.4, half-open 0.2, closed and disabled nothing', () => {
    expect(healthScore(input({ breakerState: 'open' }))).toBeCloseTo(0.6, 12);
    expect(healthScore(input({ breakerState: 'isolated' }))).toBeCloseTo(0.6, 12);
    expect(healthScore(input({ breakerState: 'half_open' }))).toBeCloseTo(0.8, 12);
    expect(healthScore(input({ breakerState: 'closed' }))).toBe(1);
    expect(healthScore(input({ breakerState: 'disabled' }))).toBe(1);
  });

  it('an SLO breach takes up to 0.2, linear from the SLO to twice the SLO', () => {
    const slo = { successes: 100, latencySloMs: 1_000, latencySamples: 100 };
    expect(healthScore(input({ ...slo, latencyP95Ms: 1_000 }))).toBe(1);
    expect(healthScore(input({ ...slo, latencyP95Ms: 1_500 }))).toBeCloseTo(0.9, 12);
    expect(healthScore(input({ ...slo, latencyP95Ms: 2_000 }))).toBeCloseTo(0.8, 12);
    expect(healthScore(input({ ...slo, latencyP95Ms: 60_000 }))).toBeCloseTo(0.8, 12);
    // Two slow samples of minSamples 5 weigh 2/5.
    expect(healthScore(input({ ...slo, latencySamples: 2, latencyP95Ms: 2_000 }))).toBeCloseTo(0.92, 12);
    expect(healthScore(input({ successes: 100, latencyP95Ms: 9_999 }))).toBe(1); // no SLO: not scored
  });

  it('consecutive failures cost nothing up to 2, then 0.1 each up to 0.3', () => {
    const streak = (n: number): number =>
      healthScoreBreakdown(input({ consecutiveFailures: n })).consecutiveFailures;
    expect([0, 1, 2, 3, 4, 5, 9].map(streak).map((x) => Number(x.toFixed(12)))).toEqual([
      0, 0, 0, 0.1, 0.2, 0.3, 0.3,
    ]);
  });

  it('recent errors weigh 0.2 of their padded ratio; the budget 0.1 of what is missing', () => {
    expect(healthScore(input({ recentSuccesses: 50, recentFailures: 50 }))).toBeCloseTo(0.9, 12);
    expect(healthScore(input({ budgetLevel: 0 }))).toBeCloseTo(0.9, 12);
    expect(healthScore(input({ budgetLevel: 0.5 }))).toBeCloseTo(0.95, 12);
    expect(healthScore(input({ budgetLevel: 1 }))).toBe(1);
  });

  it('the breakdown adds up to 1 - score when nothing is clamped', () => {
    const b = healthScoreBreakdown(
      input({
        successes: 90,
        failures: 10,
        recentSuccesses: 80,
        recentFailures: 20,
        breakerState: 'half_open',
      }),
    );
    const sum = b.failureRate + b.recentErrors + b.consecutiveFailures + b.breaker + b.latency + b.budget;
    expect(b.score).toBeCloseTo(1 - sum, 12);
    expect(b.score).toBeCloseTo(1 - 0.1 - 0.04 - 0.2, 12);
  });

  it('weights are the documented ones', () => {
    expect(HEALTH_SCORE_WEIGHTS).toMatchObject({
      breakerOpen: 0.4,
      breakerHalfOpen: 0.2,
      consecutiveMax: 0.3,
    });
  });
});

describe('healthScore properties', () => {
  const anyInput = fc.record({
    successes: fc.nat(10_000),
    failures: fc.nat(10_000),
    recentSuccesses: fc.nat(10_000),
    recentFailures: fc.nat(10_000),
    consecutiveFailures: fc.nat(1_000),
    minSamples: fc.integer({ min: 1, max: 1_000 }),
    breakerState: fc.option(fc.constantFrom(...BREAKER_STATES), { nil: undefined }),
    budgetLevel: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    latencySloMs: fc.option(fc.double({ min: 1, max: 1e5, noNaN: true }), { nil: undefined }),
    latencyP95Ms: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: undefined }),
    latencySamples: fc.nat(10_000),
  });

  it('the score and every share are in [0, 1]', () => {
    fc.assert(
      fc.property(anyInput, (i) => {
        const b = healthScoreBreakdown(i);
        for (const v of Object.values(b)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(b.score).toBe(healthScore(i));
      }),
    );
  });

  it('one more failure never raises the score; one more success never lowers it', () => {
    fc.assert(
      fc.property(anyInput, (i) => {
        const s = healthScore(i);
        expect(
          healthScore({ ...i, failures: i.failures + 1, recentFailures: i.recentFailures + 1 }),
        ).toBeLessThanOrEqual(s + 1e-12);
        expect(
          healthScore({ ...i, successes: i.successes + 1, recentSuccesses: i.recentSuccesses + 1 }),
        ).toBeGreaterThanOrEqual(s - 1e-12);
      }),
    );
  });
});

describe('toBreakerState', () => {
  it('accepts the five states and names the allowed ones otherwise', () => {
    for (const s of BREAKER_STATES) expect(toBreakerState(s)).toBe(s);
    expect(() => toBreakerState('HALF_OPEN')).toThrow(
      /breakerState: received "HALF_OPEN"; expected one of "closed"/,
    );
    expect(() => toBreakerState(3, 'breaker.state')).toThrow(
      expect.objectContaining({
        code: 'REL_INVALID_EVENT',
        message: expect.stringContaining('breaker.state'),
      }),
    );
  });
});

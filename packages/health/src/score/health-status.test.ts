import { DEFAULT_HEALTH_CONFIG } from '@rel/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HEALTH_STATUSES,
  changeDirection,
  nextStatus,
  statusForScore,
  statusRank,
  worseStatus,
  type HealthStatus,
} from './health-status.js';

const t = DEFAULT_HEALTH_CONFIG; // 0.9 / 0.7 / 0.5, hysteresis 0.05

describe('statusForScore', () => {
  it('applies every threshold: >= 0.9 healthy, >= 0.7 degraded, >= 0.5 unhealthy, else critical', () => {
    expect(statusForScore(1, t)).toBe('healthy');
    expect(statusForScore(0.9, t)).toBe('healthy');
    expect(statusForScore(0.8999, t)).toBe('degraded');
    expect(statusForScore(0.7, t)).toBe('degraded');
    expect(statusForScore(0.6999, t)).toBe('unhealthy');
    expect(statusForScore(0.5, t)).toBe('unhealthy');
    expect(statusForScore(0.4999, t)).toBe('critical');
    expect(statusForScore(0, t)).toBe('critical');
  });
});

describe('nextStatus (hysteresis)', () => {
  it('moves down only once the score is clearly below a threshold', () => {
    expect(nextStatus('healthy', 0.86, t)).toBe('healthy');
    expect(nextStatus('healthy', 0.85, t)).toBe('healthy');
    expect(nextStatus('healthy', 0.8499, t)).toBe('degraded');
    expect(nextStatus('degraded', 0.66, t)).toBe('degraded');
    expect(nextStatus('degraded', 0.6499, t)).toBe('unhealthy');
    expect(nextStatus('unhealthy', 0.4501, t)).toBe('unhealthy');
    expect(nextStatus('unhealthy', 0.4499, t)).toBe('critical');
  });

  it('moves up only once the score is clearly above a threshold', () => {
    expect(nextStatus('degraded', 0.9499, t)).toBe('degraded');
    expect(nextStatus('degraded', 0.95, t)).toBe('healthy');
    expect(nextStatus('unhealthy', 0.7499, t)).toBe('unhealthy');
    expect(nextStatus('unhealthy', 0.75, t)).toBe('degraded');
    expect(nextStatus('critical', 0.5499, t)).toBe('critical');
    expect(nextStatus('critical', 0.55, t)).toBe('unhealthy');
  });

  it('jumps several levels when the score moves far', () => {
    expect(nextStatus('healthy', 0.1, t)).toBe('critical');
    expect(nextStatus('healthy', 0.6, t)).toBe('unhealthy');
    expect(nextStatus('critical', 1, t)).toBe('healthy');
    expect(nextStatus('critical', 0.8, t)).toBe('degraded');
  });

  it('can still reach healthy when threshold + hysteresis is above 1', () => {
    const strict = { ...t, healthyThreshold: 0.98, hysteresis: 0.05 };
    expect(nextStatus('degraded', 0.99, strict)).toBe('degraded');
    expect(nextStatus('degraded', 1, strict)).toBe('healthy');
  });

  it('property: without hysteresis it is statusForScore', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEALTH_STATUSES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, score) => {
          expect(nextStatus(s, score, { ...t, hysteresis: 0 })).toBe(statusForScore(score, t));
        },
      ),
    );
  });

  it('property: a status never flips back on the score that caused it, and moves towards statusForScore', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEALTH_STATUSES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, score) => {
          const next = nextStatus(s, score, t);
          expect(nextStatus(next, score, t)).toBe(next);
          const target = statusRank(statusForScore(score, t));
          const [a, b] = [statusRank(s), statusRank(next)];
          expect(Math.min(a, target) <= b && b <= Math.max(a, target)).toBe(true);
        },
      ),
    );
  });
});

describe('helpers', () => {
  it('ranks, compares and names the direction of a change', () => {
    expect(HEALTH_STATUSES.map(statusRank)).toEqual([0, 1, 2, 3]);
    expect(worseStatus('degraded', 'critical')).toBe('critical');
    expect(worseStatus('healthy', 'degraded')).toBe('degraded');
    const pairs: [HealthStatus, HealthStatus, string][] = [
      ['healthy', 'degraded', 'degraded'],
      ['unhealthy', 'critical', 'degraded'],
      ['critical', 'healthy', 'recovered'],
      ['degraded', 'healthy', 'recovered'],
    ];
    for (const [from, to, direction] of pairs) expect(changeDirection(from, to)).toBe(direction);
  });
});

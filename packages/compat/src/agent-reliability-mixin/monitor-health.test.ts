import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monitorHealth } from './monitor-health.js';

describe('monitorHealth (legacy health monitor formula)', () => {
  it('matches the legacy numbers for known inputs', () => {
    expect(monitorHealth({ successes: 0, errors: 0, recentErrors: 0, operationTimes: [] })).toEqual({
      overall_health: 1,
      status: 'healthy',
      recent_errors: 0,
      total_operations: 0,
      success_rate: 1,
      average_response_time: 0,
    });
    const h = monitorHealth({ successes: 8, errors: 2, recentErrors: 2, operationTimes: Array(8).fill(1) });
    expect(h.overall_health).toBeCloseTo(0.6, 12);
    expect(h.status).toBe('degraded');
    // 6 recent errors: the error penalty stops at 0.5; 10 s average: the time penalty at 0.3.
    const worst = monitorHealth({
      successes: 10,
      errors: 0,
      recentErrors: 6,
      operationTimes: Array(10).fill(10),
    });
    expect(worst.overall_health).toBeCloseTo(0.2, 12);
    expect(worst.status).toBe('unhealthy');
    // Only the newest 20 times count.
    const newest = monitorHealth({
      successes: 21,
      errors: 0,
      recentErrors: 0,
      operationTimes: [100, ...Array(20).fill(2)],
    });
    expect(newest.average_response_time).toBe(2);
  });

  it('stays in [0, 1], and its status follows the thresholds', () => {
    fc.assert(
      fc.property(
        fc.nat(200),
        fc.nat(200),
        fc.nat(50),
        fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { maxLength: 40 }),
        (successes, errors, recent, times) => {
          const h = monitorHealth({
            successes,
            errors,
            recentErrors: Math.min(recent, errors),
            operationTimes: times,
          });
          expect(h.overall_health).toBeGreaterThanOrEqual(0);
          expect(h.overall_health).toBeLessThanOrEqual(1);
          expect(h.overall_health).toBeLessThanOrEqual(h.success_rate);
          if (h.status === 'healthy') expect(h.overall_health >= 0.8 && h.recent_errors === 0).toBe(true);
          if (h.status === 'unhealthy') expect(h.overall_health < 0.5 || h.recent_errors > 2).toBe(true);
        },
      ),
    );
  });
});

import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { ReliabilityHealthTracker } from './health-tracker.js';
import type { HealthStatusChange } from './types.js';

const setup = (config = {}) => {
  const clock = new FakeClock(); // starts on a 5 s bucket boundary
  const tracker = new ReliabilityHealthTracker('openai', config, { clock, operation: 'chat' });
  const changes: HealthStatusChange[] = [];
  tracker.onStatusChange((c) => changes.push(c));
  return { clock, tracker, changes };
};
const ok = { kind: 'success', durationMs: 10 } as const;
const fail = { kind: 'transient', durationMs: 10 } as const;

describe('ReliabilityHealthTracker: window expiry (fake clock)', () => {
  it('samples fall out exactly when their bucket leaves the 60 s window', async () => {
    const { clock, tracker } = setup();
    await clock.advance(2_000); // bucket [0, 5 s)
    tracker.record(fail);
    await clock.advance(4_000); // t = 6 s: bucket [5 s, 10 s)
    tracker.record(ok);
    tracker.record(ok);
    expect(tracker.snapshot().window).toMatchObject({ successes: 2, failures: 1 });
    await clock.advance(53_999); // t = 59.999 s
    expect(tracker.snapshot().window).toMatchObject({ successes: 2, failures: 1 });
    await clock.advance(1); // t = 60 s: the first bucket rotates out
    expect(tracker.snapshot().window).toMatchObject({ successes: 2, failures: 0, successRate: 1 });
    await clock.advance(4_999); // t = 64.999 s
    expect(tracker.snapshot().window.successes).toBe(2);
    await clock.advance(1); // t = 65 s
    expect(tracker.snapshot().window).toMatchObject({ successes: 0, failures: 0, successRate: 1 });
    // The recent-error window (5 min) still remembers the failure, and lifetime totals all of it.
    expect(tracker.snapshot().recent).toMatchObject({ failures: 1, successes: 2 });
    expect(tracker.snapshot().totals).toMatchObject({ success: 2, transient: 1 });
    await clock.advance(300_000);
    expect(tracker.snapshot().recent).toMatchObject({ failures: 0, successes: 0 });
  });

  it('latency percentiles slide with the same window', async () => {
    const { clock, tracker } = setup();
    tracker.record({ kind: 'success', durationMs: 4_000 });
    await clock.advance(30_000);
    for (let i = 0; i < 9; i++) tracker.record({ kind: 'success', durationMs: 100 });
    expect(tracker.latencySummary()).toMatchObject({ count: 10, p50Ms: 102, p99Ms: 4_032 });
    await clock.advance(30_000);
    expect(tracker.latencySummary()).toEqual({ count: 9, p50Ms: 102, p95Ms: 102, p99Ms: 102 });
    await clock.advance(60_000);
    expect(tracker.latencySummary()).toEqual({ count: 0 });
  });

  it('recovers with time alone: a dead service that stops failing is healthy again once its errors age out', async () => {
    const { clock, tracker, changes } = setup();
    for (let i = 0; i < 10; i++) tracker.record(fail);
    expect(tracker.status).toBe('critical');
    await clock.advance(60_000); // window empty, but the recent window still holds 10 failures
    expect(tracker.score).toBeCloseTo(0.8, 12);
    expect(tracker.status).toBe('degraded'); // 0.8 is clearly above 0.7 + 0.05, not above 0.9 + 0.05
    await clock.advance(240_000);
    expect(tracker.status).toBe('healthy');
    expect(changes.map((c) => [c.from, c.to, c.direction])).toEqual([
      ['healthy', 'degraded', 'degraded'], // 1 failure of minSamples 5: 0.76
      ['degraded', 'unhealthy', 'degraded'], // 2 failures: 0.52
      ['unhealthy', 'critical', 'degraded'], // 3 failures: 0.18
      ['critical', 'degraded', 'recovered'],
      ['degraded', 'healthy', 'recovered'],
    ]);
  });

  it('a streak of failures stops counting once its newest failure has left the window', async () => {
    const { clock, tracker } = setup({ minSamples: 1, recentErrorWindowMs: 60_000 });
    for (let i = 0; i < 100; i++) tracker.record(ok);
    for (let i = 0; i < 4; i++) tracker.record(fail);
    expect(tracker.snapshot().breakdown.consecutiveFailures).toBeCloseTo(0.2, 12);
    await clock.advance(60_000);
    const s = tracker.snapshot();
    expect(s.consecutiveFailures).toBe(4);
    expect(s.breakdown.consecutiveFailures).toBe(0);
    expect(s.score).toBe(1);
  });
});

import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import type { HealthStatus } from '../score/health-status.js';
import { ReliabilityHealthTracker } from './health-tracker.js';
import type { HealthStatusChange } from './types.js';

const setup = (config = {}) => {
  const clock = new FakeClock();
  const tracker = new ReliabilityHealthTracker('db', config, { clock });
  const changes: HealthStatusChange[] = [];
  tracker.onStatusChange((c) => changes.push(c));
  return { clock, tracker, changes };
};
const ok = { kind: 'success', durationMs: 10 } as const;
const fail = { kind: 'transient', durationMs: 10 } as const;

/** Records `failures` failures spread among `total` samples, never two in a row. */
function mixed(tracker: ReliabilityHealthTracker, total: number, failures: number): void {
  for (let i = 0; i < total; i++) tracker.record(i % 2 === 1 && i < failures * 2 ? fail : ok);
}

describe('score edges through the tracker', () => {
  it('no data: score 1, healthy', () => {
    const { tracker } = setup();
    expect([tracker.score, tracker.status]).toEqual([1, 'healthy']);
    expect(tracker.snapshot()).toMatchObject({
      window: { successRate: 1, successes: 0 },
      latency: { count: 0 },
    });
  });

  it('all success: 1; all failure: 0 and critical', () => {
    const a = setup().tracker;
    for (let i = 0; i < 50; i++) a.record(ok);
    expect([a.score, a.status]).toEqual([1, 'healthy']);
    const b = setup().tracker;
    for (let i = 0; i < 50; i++) b.record(fail);
    expect([b.score, b.status]).toEqual([0, 'critical']);
  });

  it('breaker open: 0.6 (unhealthy); half-open: 0.8 (degraded); closed again: healthy', () => {
    const { tracker, changes } = setup();
    for (let i = 0; i < 50; i++) tracker.record(ok);
    tracker.setBreakerState('open');
    expect([tracker.score, tracker.status]).toEqual([0.6, 'unhealthy']);
    tracker.setBreakerState('half_open');
    expect(tracker.score).toBeCloseTo(0.8, 12);
    expect(tracker.status).toBe('degraded');
    tracker.setBreakerState('closed');
    expect([tracker.score, tracker.status]).toEqual([1, 'healthy']);
    expect(changes.map((c) => `${c.from}->${c.to}:${c.direction}`)).toEqual([
      'healthy->unhealthy:degraded',
      'unhealthy->degraded:recovered',
      'degraded->healthy:recovered',
    ]);
  });

  it('SLO breach: all calls succeed but p95 at twice the SLO scores 0.8 (degraded)', () => {
    const { tracker } = setup({ latencySloMs: 1_000 });
    for (let i = 0; i < 100; i++) tracker.record({ kind: 'success', durationMs: 2_000 });
    const s = tracker.snapshot();
    expect(s.latency).toMatchObject({ count: 100, p95Ms: 2_016, sloMs: 1_000 });
    expect(s.breakdown.latency).toBeCloseTo(0.2, 12);
    expect(s.status).toBe('degraded');
  });
});

describe('every status threshold (hysteresis 0)', () => {
  // 120 samples, f failures never in a row: score = 1 - f/120 - 0.2 * f/120.
  const cases: [number, number, HealthStatus][] = [
    [10, 0.9, 'healthy'],
    [11, 0.89, 'degraded'],
    [25, 0.75, 'degraded'],
    [30, 0.7, 'degraded'],
    [31, 0.69, 'unhealthy'],
    [50, 0.5, 'unhealthy'],
    [51, 0.49, 'critical'],
  ];
  it.each(cases)('%i failures of 120: score %d is %s', (failures, score, status) => {
    const { tracker } = setup({ hysteresis: 0 });
    mixed(tracker, 120, failures);
    expect(tracker.score).toBeCloseTo(score, 12);
    expect(tracker.status).toBe(status);
  });

  it('custom thresholds apply', () => {
    const { tracker } = setup({
      hysteresis: 0,
      healthyThreshold: 0.99,
      degradedThreshold: 0.95,
      unhealthyThreshold: 0.9,
    });
    mixed(tracker, 120, 5); // 0.95
    expect(tracker.status).toBe('degraded');
  });
});

describe('hysteresis', () => {
  it('a score hovering around a threshold does not flap, one sample at a time', () => {
    const { tracker, changes } = setup();
    const elevenOk = (): void => {
      for (let k = 0; k < 11; k++) tracker.record(ok);
    };
    // One failure in twelve: the score settles at exactly 0.9 from above.
    for (let i = 0; i < 20; i++) {
      elevenOk();
      tracker.record(fail);
    }
    expect(tracker.score).toBeCloseTo(0.9, 12);
    expect(tracker.status).toBe('healthy');
    // Now each failure dips the score under 0.9 and the next eleven successes bring it back.
    for (let i = 0; i < 20; i++) {
      tracker.record(fail);
      expect(tracker.score).toBeLessThan(0.9);
      expect(tracker.status).toBe('healthy');
      elevenOk();
      expect(tracker.score).toBeCloseTo(0.9, 12);
    }
    expect(changes).toEqual([]);
  });

  it('changes once the threshold is clearly crossed, and changes back only past the upper band', () => {
    const { tracker, changes } = setup({ windowMs: 600_000 });
    for (let i = 0; i < 100; i++) tracker.record(ok);
    let failures = 0;
    while (tracker.status === 'healthy') {
      tracker.record(fail);
      tracker.record(ok);
      failures++;
      if (failures < 17) expect(tracker.status).toBe('healthy'); // score >= 0.85 until then
    }
    expect(failures).toBe(17);
    expect(tracker.score).toBeLessThan(0.85);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      service: 'db',
      from: 'healthy',
      to: 'degraded',
      direction: 'degraded',
    });
    expect(changes[0]!.score).toBeLessThan(0.85);
    let successes = 0;
    while (tracker.status === 'degraded') {
      tracker.record(ok);
      successes++;
      if (tracker.score < 0.95) expect(tracker.status).toBe('degraded');
    }
    expect(tracker.score).toBeGreaterThanOrEqual(0.95);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ from: 'degraded', to: 'healthy', direction: 'recovered' });
    expect(successes).toBeGreaterThan(100);
  });
});

describe('onStatusChange', () => {
  it('carries service, operation, score and time; nothing is emitted to nobody', async () => {
    const clock = new FakeClock();
    const quiet = new ReliabilityHealthTracker('db', {}, { clock });
    for (let i = 0; i < 10; i++) quiet.record(fail);
    expect(quiet.status).toBe('critical');
    const tracker = new ReliabilityHealthTracker('db', {}, { clock, operation: 'query' });
    const seen: HealthStatusChange[] = [];
    const sub = tracker.onStatusChange((c) => seen.push(c));
    await clock.advance(1_234);
    tracker.setBreakerState('isolated');
    expect(seen).toEqual([
      {
        service: 'db',
        operation: 'query',
        from: 'healthy',
        to: 'unhealthy',
        score: 0.6,
        direction: 'degraded',
        time: clock.now(),
      },
    ]);
    sub.dispose();
    tracker.setBreakerState(undefined);
    expect(seen).toHaveLength(1);
    expect(tracker.status).toBe('healthy');
  });
});

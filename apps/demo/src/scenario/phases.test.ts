import { describe, expect, it } from 'vitest';
import { resolveFault } from '../upstream/fault-modes.js';
import { DEFAULT_PHASES, maxDurationMs, PHASE_NAMES, SCENARIO_LIMIT_MS, scalePhases } from './phases.js';

describe('the scenario phases', () => {
  it('run warm-up, degradation, 429s, outage and recovery, with valid faults, within 60 s', () => {
    expect(DEFAULT_PHASES.map((p) => p.name)).toEqual([...PHASE_NAMES]);
    for (const phase of DEFAULT_PHASES) expect(() => resolveFault(phase.fault)).not.toThrow();
    expect(resolveFault(DEFAULT_PHASES[3]!.fault).mode).toBe('outage');
    // The phases plus the time kept for shutdown and the report fit the limit.
    expect(maxDurationMs(DEFAULT_PHASES) + 8_000).toBeLessThanOrEqual(SCENARIO_LIMIT_MS);
  });

  it('compress by a factor, minimum recovery time included', () => {
    const scaled = scalePhases(DEFAULT_PHASES, 0.5);
    expect(scaled.map((p) => p.durationMs)).toEqual(DEFAULT_PHASES.map((p) => Math.round(p.durationMs / 2)));
    expect(scaled[4]!.untilRecovered).toEqual({ minMs: 2_000 });
    expect(() => scalePhases(DEFAULT_PHASES, 0)).toThrow(RangeError);
    expect(() => scalePhases(DEFAULT_PHASES, 1.5)).toThrow(/\(0, 1\]/);
  });
});

import { RelConfigError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { describeFault, FAULT_MODES, FAULT_PRESETS, resolveFault } from './fault-modes.js';

describe('resolveFault', () => {
  it('gives each mode its preset', () => {
    for (const mode of FAULT_MODES) expect(resolveFault({ mode })).toEqual(FAULT_PRESETS[mode]);
    expect(resolveFault({ mode: 'rate_limited' })).toMatchObject({ rateLimitRate: 0.35, retryAfterS: 1 });
    expect(resolveFault({ mode: 'outage' })).toMatchObject({ outage: 'mixed' });
  });

  it('layers the given fields over the preset, and freezes the result', () => {
    const fault = resolveFault({ mode: 'errors', latencyMs: 500, errorRate: 0.2 });
    expect(fault).toEqual({ ...FAULT_PRESETS.errors, latencyMs: 500, errorRate: 0.2 });
    expect(Object.isFrozen(fault)).toBe(true);
  });

  it('names every bad field, its value and what is allowed', () => {
    let error: unknown;
    try {
      resolveFault({ mode: 'outtage', errorRate: 2, colour: 'red' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RelConfigError);
    const message = (error as Error).message;
    expect(message).toContain('mode: received "outtage"');
    expect(message).toContain('did you mean "outage"');
    expect(message).toContain('errorRate: received 2');
    expect(message).toContain('colour: unknown key');
    expect(() => resolveFault(undefined)).toThrow(RelConfigError);
  });
});

describe('describeFault', () => {
  it('says what the upstream does in one line', () => {
    expect(describeFault(resolveFault({ mode: 'healthy' }))).toBe('healthy: every request answered normally');
    expect(describeFault(resolveFault({ mode: 'errors', latencyMs: 500, errorRate: 0.2 }))).toBe(
      'errors: +500 ms latency, 20% answered 500/503',
    );
    expect(describeFault(resolveFault({ mode: 'rate_limited', retryAfterS: 2 }))).toBe(
      'rate_limited: 35% answered 429 (Retry-After: 2 s)',
    );
    expect(describeFault(resolveFault({ mode: 'outage', outage: 'reset' }))).toBe(
      'outage: every connection dropped',
    );
  });
});

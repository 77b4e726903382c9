import { DATABASE_CIRCUIT_BREAKER, RelConfigError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';

describe('configuration and options', () => {
  it('layers a partial config over the defaults, validated and frozen', () => {
    const breaker = new UnifiedCircuitBreaker('x', { failureThreshold: 2 });
    expect(breaker.config).toMatchObject({ strategy: 'consecutive', failureThreshold: 2, openMs: 30_000 });
    expect(Object.isFrozen(breaker.config)).toBe(true);
  });

  it('shares one parsed config between breakers built from the same frozen policy', () => {
    const a = new UnifiedCircuitBreaker('a', DATABASE_CIRCUIT_BREAKER);
    const b = new UnifiedCircuitBreaker('b', DATABASE_CIRCUIT_BREAKER);
    expect(a.config).toBe(b.config);
    expect(a.config).toEqual(DATABASE_CIRCUIT_BREAKER);
  });

  it('rejects an unknown or invalid field with a typed error naming field, value and what is allowed', () => {
    expect(() => new UnifiedCircuitBreaker('x', { failureTreshold: 3 } as never)).toThrow(RelConfigError);
    expect(() => new UnifiedCircuitBreaker('x', { failureTreshold: 3 } as never)).toThrow(
      /failureTreshold: unknown key \(did you mean "failureThreshold"\?\)/,
    );
    expect(() => new UnifiedCircuitBreaker('x', { openMs: 100, maxOpenMs: 50 })).toThrow(/maxOpenMs/);
    expect(() => new UnifiedCircuitBreaker('x', { strategy: 'sliding' as never })).toThrow(
      /strategy: received "sliding"/,
    );
  });

  it('rejects a bad name or option, listing every problem at once', () => {
    let caught: unknown;
    try {
      new UnifiedCircuitBreaker('', {}, { probeLeaseMs: -1, clock: {} as never, random: 0.5 as never });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RelConfigError);
    expect((caught as RelConfigError).issues.map((i) => i.path)).toEqual([
      'name',
      'probeLeaseMs',
      'clock',
      'random',
    ]);
    expect((caught as Error).message).toMatch(
      /probeLeaseMs: received -1; expected a finite number of ms > 0/,
    );
  });
});

import {
  DATABASE_CIRCUIT_BREAKER,
  isRelError,
  LLM_CIRCUIT_BREAKER,
  RegistryConflictError,
} from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { CircuitBreakerRegistry } from './registry.js';
import { InMemoryCircuitStateStore } from './store.js';

describe('CircuitBreakerRegistry', () => {
  it('get-or-create: an equal config returns the same instance', () => {
    const registry = new CircuitBreakerRegistry();
    const db = registry.get('postgres', DATABASE_CIRCUIT_BREAKER);
    expect(registry.get('postgres', DATABASE_CIRCUIT_BREAKER)).toBe(db);
    // Equal by value, not by reference; failure kinds compare as a set.
    expect(registry.get('postgres', { ...DATABASE_CIRCUIT_BREAKER })).toBe(db);
    expect(registry.get('postgres', { failureThreshold: 5, openMs: 60_000 })).toBe(db);
    expect(
      registry.get('postgres', {
        ...DATABASE_CIRCUIT_BREAKER,
        failureKinds: [...DATABASE_CIRCUIT_BREAKER.failureKinds].reverse(),
      }),
    ).toBe(db);
    expect(registry.get('postgres')).toBe(db); // no config: the existing one as is
    expect(registry.size).toBe(1);
  });

  it('a different config is an error naming the differences, never a silent replace', () => {
    const registry = new CircuitBreakerRegistry();
    const db = registry.get('postgres', DATABASE_CIRCUIT_BREAKER);
    db.release(db.tryAcquire(), 'transient', 1);
    let caught: unknown;
    try {
      registry.get('postgres', LLM_CIRCUIT_BREAKER);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegistryConflictError);
    expect(isRelError(caught, 'REL_REGISTRY_CONFLICT')).toBe(true);
    expect((caught as RegistryConflictError).key).toBe('postgres');
    expect((caught as Error).message).toMatch(/failureThreshold: 5 vs 3; openMs: 60000 vs 180000/);
    expect(() => registry.get('postgres', { failureKinds: ['transient'] })).toThrow(/failureKinds: \[/);
    // The original breaker, with its state, is still the registered one.
    expect(registry.find('postgres')).toBe(db);
    expect(db.status().failedCalls).toBe(1);
  });

  it('applies its options to every breaker it creates, and reports their statuses', () => {
    const clock = new FakeClock();
    const registry = new CircuitBreakerRegistry({ clock });
    const a = registry.get('a', { failureThreshold: 1, openMs: 1_000, openJitter: 0 });
    registry.get('b');
    a.release(a.tryAcquire(), 'timeout', 1);
    clock.timers.tick(400);
    expect(registry.statuses().map((s) => [s.name, s.state, s.retryAfterMs])).toEqual([
      ['a', 'open', 600],
      ['b', 'closed', 0],
    ]);
    registry.resetAll();
    expect(a.state).toBe('closed');
    expect(registry.names()).toEqual(['a', 'b']);
    expect(registry.has('b') && registry.delete('b') && !registry.has('b')).toBe(true);
    expect(registry.find('b')).toBeUndefined();
  });

  it('load() restores a new breaker from the store (restart survival)', async () => {
    const clock = new FakeClock();
    const store = new InMemoryCircuitStateStore();
    const before = new CircuitBreakerRegistry({ clock, store });
    const db = await before.load('postgres', DATABASE_CIRCUIT_BREAKER);
    for (let i = 0; i < 5; i++) db.release(db.tryAcquire(), 'transient', 1);
    await db.save();

    const after = new CircuitBreakerRegistry({ clock, store });
    const restored = await after.load('postgres', DATABASE_CIRCUIT_BREAKER);
    expect(restored.state).toBe('open');
    expect(await after.load('postgres', DATABASE_CIRCUIT_BREAKER)).toBe(restored);
  });
});

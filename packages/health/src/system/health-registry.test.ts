import { RegistryConflictError, RelConfigError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import type { HealthStatusChange } from '../tracker/types.js';
import { HealthRegistry } from './health-registry.js';
import { aggregateSystemStatus } from './system-health.js';

const fail = { kind: 'transient', durationMs: 1 } as const;
const ok = { kind: 'success', durationMs: 1 } as const;

describe('HealthRegistry', () => {
  it('creates a tracker per service and operation, once', () => {
    const registry = new HealthRegistry({ clock: new FakeClock(), config: { latencySloMs: 500 } });
    const chat = registry.tracker('openai', { operation: 'chat' });
    expect(registry.tracker('openai', { operation: 'chat' })).toBe(chat);
    const whole = registry.tracker('openai');
    expect(whole).not.toBe(chat);
    expect(registry.get('openai', 'chat')).toBe(chat);
    expect(registry.get('openai')).toBe(whole);
    expect(registry.get('openai', 'embed')).toBeUndefined();
    expect(chat.config.latencySloMs).toBe(500);
    expect(registry.tracker('db', { config: { windowMs: 10_000 } }).config).toMatchObject({
      windowMs: 10_000,
      latencySloMs: 500,
    });
    expect(registry.services()).toEqual(['db', 'openai']);
    expect(registry.trackers()).toHaveLength(3);
    expect(registry.remove('openai', 'chat')).toBe(true);
    expect(registry.remove('openai', 'chat')).toBe(false);
    expect(registry.remove('openai')).toBe(true);
    expect(registry.services()).toEqual(['db']);
  });

  it('never replaces a tracker silently', () => {
    const registry = new HealthRegistry();
    registry.tracker('db', { config: { minSamples: 10 } });
    expect(registry.tracker('db', { config: { minSamples: 10 } })).toBe(registry.get('db'));
    expect(registry.tracker('db')).toBe(registry.get('db')); // a plain lookup never conflicts
    expect(() => registry.tracker('db', { config: { minSamples: 20 } })).toThrow(RegistryConflictError);
    expect(() => registry.tracker('db', { essential: false })).toThrow(/essential is true/);
    expect(() =>
      registry.tracker('db', { config: { minSamples: 10 }, breaker: { state: 'closed' } }),
    ).toThrow(/other breaker or budget sources/);
    const breaker = { state: 'closed' };
    const llm = registry.tracker('llm', { breaker });
    expect(registry.tracker('llm', { breaker })).toBe(llm);
    expect(() => registry.tracker('llm', { breaker: { state: 'closed' } })).toThrow(RegistryConflictError);
  });

  it('rejects bad service names with a typed error', () => {
    const registry = new HealthRegistry();
    expect(() => registry.tracker('')).toThrow(RelConfigError);
    expect(() => registry.tracker('db:primary')).toThrow(/without ":"/);
  });

  it('answers an unknown service clearly, naming the known ones', () => {
    const registry = new HealthRegistry();
    expect(registry.serviceHealth('openai')).toEqual({
      found: false,
      service: 'openai',
      knownServices: [],
      message: 'no health is tracked for service "openai"; known services: none',
    });
    registry.tracker('openai');
    registry.tracker('db');
    const answer = registry.serviceHealth('opneai');
    expect(answer).toMatchObject({ found: false, knownServices: ['db', 'openai'] });
    expect(!answer.found && answer.message).toBe(
      'no health is tracked for service "opneai"; known services: "db", "openai"',
    );
    const known = registry.serviceHealth('db');
    expect(known.found && known.health).toMatchObject({
      service: 'db',
      status: 'healthy',
      score: 1,
      essential: true,
    });
  });

  it('a service is as sick as its sickest operation', () => {
    const registry = new HealthRegistry({ clock: new FakeClock() });
    registry.tracker('openai', { operation: 'chat' }).record(ok);
    const embed = registry.tracker('openai', { operation: 'embed' });
    for (let i = 0; i < 10; i++) embed.record(fail);
    const result = registry.serviceHealth('openai');
    expect(result.found && result.health).toMatchObject({ status: 'critical', score: 0 });
    expect(result.found && result.health.trackers.map((t) => t.operation)).toEqual(['chat', 'embed']);
  });

  it('system health: worst status wins; a non-essential service counts at most as degraded', () => {
    const registry = new HealthRegistry({ clock: new FakeClock() });
    expect(registry.systemHealth()).toMatchObject({ status: 'healthy', services: [] });
    registry.tracker('openai').record(ok);
    const search = registry.tracker('search', { essential: false });
    for (let i = 0; i < 10; i++) search.record(fail);
    let system = registry.systemHealth();
    expect(system.status).toBe('degraded');
    expect(system.counts).toEqual({ healthy: 1, degraded: 0, unhealthy: 0, critical: 1 });
    registry.tracker('db').setBreakerState('open');
    system = registry.systemHealth();
    expect(system.status).toBe('unhealthy');
    expect(system.services.map((s) => [s.service, s.status])).toEqual([
      ['db', 'unhealthy'],
      ['openai', 'healthy'],
      ['search', 'critical'],
    ]);
  });

  it('forwards every tracker status change', () => {
    const registry = new HealthRegistry({ clock: new FakeClock() });
    const seen: HealthStatusChange[] = [];
    registry.onStatusChange((c) => seen.push(c));
    registry.tracker('db', { operation: 'query' }).setBreakerState('open');
    registry.tracker('openai').setBreakerState('half_open');
    expect(seen.map((c) => [c.service, c.operation, c.to])).toEqual([
      ['db', 'query', 'unhealthy'],
      ['openai', undefined, 'degraded'],
    ]);
  });
});

describe('aggregateSystemStatus', () => {
  it('takes the worst essential status, caps non-essential ones at degraded', () => {
    expect(aggregateSystemStatus([])).toBe('healthy');
    expect(
      aggregateSystemStatus([
        { status: 'healthy', essential: true },
        { status: 'unhealthy', essential: true },
        { status: 'critical', essential: false },
      ]),
    ).toBe('unhealthy');
    expect(aggregateSystemStatus([{ status: 'healthy', essential: false }])).toBe('healthy');
  });
});

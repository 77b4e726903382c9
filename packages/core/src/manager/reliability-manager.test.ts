import {
  DEFAULT_RELIABILITY_CONFIG,
  InvalidStateError,
  LLM_RELIABILITY_PROFILE,
  RegistryConflictError,
  RelConfigError,
  defineProfile,
  loadConfig,
} from '@rel/config';
import { HealthJsonSchema } from '@rel/health';
import { HealthMetrics } from '@rel/health/prometheus';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../events/dispatcher.js';
import { MemoryEventSink } from '../events/memory-sink.js';
import { memoryLogger, quick, reset, testManager } from '../../test/kit.js';
import { getDefaultManager, setDefaultManager } from './default-manager.js';
import { ReliabilityManager } from './reliability-manager.js';

describe('ReliabilityManager: registry', () => {
  afterEach(() => void setDefaultManager(undefined));

  it('get is get-or-create: an equal profile returns the same instance', () => {
    const { manager } = testManager();
    const openai = manager.get('openai', LLM_RELIABILITY_PROFILE);
    expect(manager.get('openai', LLM_RELIABILITY_PROFILE)).toBe(openai);
    expect(manager.get('openai')).toBe(openai);
    // An equal profile built separately is the same profile.
    expect(manager.get('openai', defineProfile({ profile: 'llm' }))).toBe(openai);
    expect(manager.get('openai', { profile: 'llm' })).toBe(openai);
    expect(manager.names()).toEqual(['openai']);
    expect(manager.has('openai') && manager.find('nope') === undefined).toBe(true);
    // Without a profile a new instance gets the default one.
    expect(manager.get('plain').config).toBe(DEFAULT_RELIABILITY_CONFIG);
  });

  it('a conflicting profile throws RegistryConflictError listing the differences', () => {
    const { manager } = testManager();
    manager.get('openai', LLM_RELIABILITY_PROFILE);
    let error: unknown;
    try {
      manager.get('openai', { profile: 'llm', retry: { maxAttempts: 7 }, circuitBreaker: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryConflictError);
    expect((error as RegistryConflictError).code).toBe('REL_REGISTRY_CONFLICT');
    expect((error as Error).message).toContain('retry.maxAttempts: 4 vs 7');
    expect((error as Error).message).toContain('circuitBreaker');
  });

  it('refuses bad names, profiles and options with errors naming the field', () => {
    const { manager } = testManager();
    expect(() => manager.get('a:b')).toThrow(/name: received "a:b"/);
    expect(() => manager.get('', quick())).toThrow(RelConfigError);
    expect(() => manager.get('x', { retry: { maxAtempts: 3 } } as never)).toThrow(
      /maxAtempts: unknown key.*maxAttempts/s,
    );
    expect(() => new ReliabilityManager({ clock: {} as never, metrics: 5 as never })).toThrow(
      /clock:[\s\S]*metrics:/,
    );
  });

  it('fromConfig registers every service of a loadConfig() result (with its env overrides)', async () => {
    const { manager } = testManager();
    const loaded = await loadConfig({
      config: {
        services: {
          openai: { profile: 'llm' },
          postgres: { profile: 'database', bulkhead: { maxConcurrent: 4 } },
        },
      },
      env: { REL__OPENAI__RETRY__MAX_ATTEMPTS: '2' },
    });
    const { openai, postgres } = manager.fromConfig(loaded);
    expect(openai!.config.retry.maxAttempts).toBe(2);
    expect(postgres!.status().bulkhead).toMatchObject({ maxConcurrent: 4, maxQueue: 0 });
    expect(manager.fromConfig(loaded).openai).toBe(openai); // again: the same instances
    expect(() => manager.fromConfig({} as never)).toThrow(/loadConfig/);
  });

  it('shares a retry budget between instances of one dependency key', async () => {
    const { manager, clock } = testManager();
    const profile = quick({
      retry: { maxAttempts: 2, budget: { ratio: 0, minRetriesPerSecond: 1, key: 'search' } },
    });
    const a = manager.get('search-a', profile);
    const b = manager.get('search-b', profile);
    const first = a.run(() => Promise.reject(reset()));
    await clock.advance(100);
    expect(await first).toMatchObject({ outcome: 'transient' }); // took the one token
    const second = await b.run(() => Promise.reject(reset()));
    expect(second).toMatchObject({ outcome: 'budget_exhausted' });
    expect(a.retry.budget).toBe(b.retry.budget);
  });

  it('close() closes the dispatcher it created, not one it was given; then creates no instances', async () => {
    const closed: string[] = [];
    const own = new ReliabilityManager({
      sinks: [{ name: 's', send: () => undefined, close: () => Promise.resolve(void closed.push('s')) }],
    });
    const shared = new EventDispatcher({
      sinks: [{ name: 't', send: () => undefined, close: () => Promise.resolve(void closed.push('t')) }],
    });
    const borrower = new ReliabilityManager({ sinks: shared });
    expect(borrower.events).toBe(shared);
    await own.close();
    await borrower.close();
    expect(closed).toEqual(['s']);
    expect(() => own.get('new')).toThrow(InvalidStateError);
  });

  it('a process-wide default manager, replaceable', () => {
    const first = getDefaultManager();
    expect(getDefaultManager()).toBe(first);
    const mine = new ReliabilityManager({ sinks: [new MemoryEventSink()] });
    expect(setDefaultManager(mine)).toBe(first);
    expect(getDefaultManager()).toBe(mine);
    setDefaultManager(undefined);
    expect(getDefaultManager()).not.toBe(mine);
  });
});

describe('ReliabilityManager: health and metrics', () => {
  it('health() is application/health+json over every instance', async () => {
    const { manager, clock } = testManager();
    const api = manager.get(
      'api',
      quick({ retry: { maxAttempts: 1 }, circuitBreaker: { failureThreshold: 1 } }),
    );
    manager.get('db', quick());
    expect(HealthJsonSchema.parse(manager.health({ serviceId: 'agents' }))).toMatchObject({
      status: 'pass',
      serviceId: 'agents',
    });
    await api.run(() => Promise.reject(reset()));
    await clock.flush();
    const body = HealthJsonSchema.parse(manager.health());
    expect(body.status).toBe('fail');
    expect(body.checks?.['api:circuitBreaker']?.[0]).toMatchObject({ observedValue: 'open', status: 'fail' });
    expect(manager.systemHealth().services.map((s) => s.service)).toEqual(['api', 'db']);
  });

  it('metrics() says clearly when metrics were not configured', async () => {
    const { manager } = testManager();
    await expect(manager.metrics()).rejects.toThrow(InvalidStateError);
    await expect(manager.metrics()).rejects.toThrow(/metrics were not configured.*HealthMetrics/);
  });

  it('with a HealthMetrics: calls, attempts, retries, budget refusals, breaker, health and fallbacks', async () => {
    const metrics = new HealthMetrics();
    const { manager, clock } = testManager({ metrics });
    const api = manager.get(
      'api',
      quick({ retry: { maxAttempts: 2, budget: { ratio: 0, minRetriesPerSecond: 1 } } }),
    );
    await api.execute(() => 'ok', { operation: 'get' });
    const failing = api.run(() => Promise.reject(reset()), { operation: 'get', fallback: 'cached' });
    await clock.advance(100);
    await failing;
    await api.run(() => Promise.reject(reset()), { operation: 'get' }); // budget empty now
    const text = await manager.metrics();
    expect(text).toContain('rel_calls_total{service="api",operation="get",outcome="success"} 1');
    expect(text).toContain('rel_calls_total{service="api",operation="get",outcome="transient"} 1');
    expect(text).toContain('rel_calls_total{service="api",operation="get",outcome="budget_exhausted"} 1');
    expect(text).toContain('rel_retries_total{service="api",operation="get"} 1');
    expect(text).toContain('rel_budget_refusals_total{service="api",operation="get"} 1');
    expect(text).toContain('rel_fallbacks_total{service="api",reason="transient"} 1');
    expect(text).toContain('rel_circuit_breaker_state{service="api",operation="",state="closed"} 1');
    expect(text).toMatch(/rel_health_score\{service="api",operation=""\} 0\.\d+/);
    expect(manager.metricsContentType).toContain('text/plain');
  });

  it('with a bare prom-client Registry: @rel/health metrics are created on it (prom-client loaded on demand)', async () => {
    const registry = new Registry();
    const sink = new MemoryEventSink();
    const manager = new ReliabilityManager({
      logger: memoryLogger().logger,
      metrics: registry,
      sinks: [
        sink,
        {
          name: 'broken',
          send: () => {
            throw new Error('x');
          },
        },
      ],
    });
    const api = manager.get('api', quick({ bulkhead: { maxConcurrent: 2, maxQueue: 1 } }));
    await api.execute(() => 1, { operation: 'op' }); // observed before or after loading: nothing is lost
    const text = await manager.metrics();
    expect(text).toContain('rel_calls_total{service="api",operation="op",outcome="success"} 1');
    expect(text).toContain('rel_bulkhead_active{service="api"} 0');
    expect(text).toContain('rel_events_emitted_total 0');
    expect(await registry.metrics()).toBe(text);
    // A second manager on the same registry (its health metrics under another prefix): core's
    // metric names are taken, so they are skipped with a warning, not a crash.
    const { manager: second, lines } = testManager({
      metrics: new HealthMetrics({ registry, prefix: 'b_' }),
    });
    await expect(second.metrics()).resolves.toContain('b_calls_total');
    expect(
      lines.filter((l) => l.msg === 'a metric of this name is already registered; not registering it again'),
    ).toHaveLength(9);
  });
});

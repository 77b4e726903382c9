import { RelConfigError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HealthRegistry } from '../system/health-registry.js';
import { ReliabilityHealthTracker } from '../tracker/health-tracker.js';
import { HealthMetrics } from './health-metrics.js';
import { parseExposition, type ParsedFamily } from './parse-exposition.test-helper.js';

const attempts = (...outcomes: string[]) => outcomes.map((outcome) => ({ outcome })) as never;

async function scrape(metrics: HealthMetrics): Promise<Map<string, ParsedFamily>> {
  return parseExposition(await metrics.metrics());
}

function value(
  family: ParsedFamily | undefined,
  labels: Record<string, string>,
  name = family?.name,
): number | undefined {
  return family?.samples.find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;
}

describe('HealthMetrics exposition', () => {
  it('exposes every metric with its type, help and labels, and parses as the text format', async () => {
    const clock = new FakeClock();
    const health = new HealthRegistry({ clock });
    health.tracker('openai', { operation: 'chat' }).record({ kind: 'success', durationMs: 900 });
    health.tracker('db').setBreakerState('half_open');
    const metrics = new HealthMetrics({ health });
    metrics.observeCall({
      service: 'openai',
      operation: 'chat',
      outcome: 'success',
      durationMs: 1_500,
      attempts: attempts('timeout', 'rate_limited', 'success'),
    });
    metrics.observeCall({ service: 'openai', operation: 'chat', outcome: 'transient', durationMs: 40 });
    metrics.observeAttempt({ service: 'db', outcome: 'transient' });
    metrics.observeAttempt({ service: 'db', outcome: 'success', retry: true });
    metrics.observeBudgetRefusal('openai', 'chat');
    metrics.setBreakerState('ws', undefined, 'open');

    const families = await scrape(metrics);
    const types = Object.fromEntries([...families.values()].map((f) => [f.name, f.type]));
    expect(types).toEqual({
      rel_calls_total: 'counter',
      rel_attempts_total: 'counter',
      rel_retries_total: 'counter',
      rel_budget_refusals_total: 'counter',
      rel_call_duration_seconds: 'histogram',
      rel_circuit_breaker_state: 'gauge',
      rel_health_score: 'gauge',
      rel_health_status: 'gauge',
    });
    for (const f of families.values()) expect(f.help.length).toBeGreaterThan(10);

    const chat = { service: 'openai', operation: 'chat' };
    expect(value(families.get('rel_calls_total'), { ...chat, outcome: 'success' })).toBe(1);
    expect(value(families.get('rel_calls_total'), { ...chat, outcome: 'transient' })).toBe(1);
    expect(value(families.get('rel_attempts_total'), { ...chat, outcome: 'timeout' })).toBe(1);
    expect(
      value(families.get('rel_attempts_total'), { service: 'db', operation: '', outcome: 'success' }),
    ).toBe(1);
    expect(value(families.get('rel_retries_total'), chat)).toBe(2);
    expect(value(families.get('rel_retries_total'), { service: 'db' })).toBe(1);
    expect(value(families.get('rel_budget_refusals_total'), chat)).toBe(1);

    const duration = families.get('rel_call_duration_seconds');
    const ok = { ...chat, outcome: 'success' };
    expect(value(duration, ok, 'rel_call_duration_seconds_count')).toBe(1);
    expect(value(duration, ok, 'rel_call_duration_seconds_sum')).toBe(1.5);
    expect(value(duration, { ...ok, le: '1' }, 'rel_call_duration_seconds_bucket')).toBe(0);
    expect(value(duration, { ...ok, le: '2.5' }, 'rel_call_duration_seconds_bucket')).toBe(1);
    expect(value(duration, { ...ok, le: '+Inf' }, 'rel_call_duration_seconds_bucket')).toBe(1);

    const breaker = families.get('rel_circuit_breaker_state');
    expect(value(breaker, { service: 'db', operation: '', state: 'half_open' })).toBe(1);
    expect(value(breaker, { service: 'db', operation: '', state: 'closed' })).toBe(0);
    expect(value(breaker, { service: 'ws', operation: '', state: 'open' })).toBe(1);
    expect(breaker?.samples).toHaveLength(10); // two breakers x five states

    expect(value(families.get('rel_health_score'), chat)).toBe(1);
    expect(value(families.get('rel_health_score'), { service: 'db', operation: '' })).toBeCloseTo(0.8, 12);
    const status = families.get('rel_health_status');
    expect(value(status, { service: 'db', status: 'degraded' })).toBe(1);
    expect(value(status, { service: 'db', status: 'healthy' })).toBe(0);
    expect(status?.samples.filter((s) => s.value === 1)).toHaveLength(2);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0.0.4/);
  });

  it('only uses outcome label values from OUTCOME_KINDS, and every label set is complete', async () => {
    const metrics = new HealthMetrics();
    metrics.observeCall({
      service: 's',
      outcome: 'circuit_open',
      durationMs: 0,
      attempts: attempts('circuit_open'),
    });
    expect(() => metrics.observeCall({ service: 's', outcome: 'boom' as never, durationMs: 1 })).toThrow(
      /outcome: received "boom"; expected one of "success"/,
    );
    expect(() => metrics.observeCall({ service: 's', outcome: 'success', durationMs: -3 })).toThrow(
      /durationMs/,
    );
    expect(() => metrics.observeAttempt({ service: 's', outcome: 'nope' as never })).toThrow(
      /attempts\[\]\.outcome/,
    );
    const families = await scrape(metrics);
    for (const name of ['rel_calls_total', 'rel_attempts_total']) {
      for (const s of families.get(name)!.samples)
        expect(Object.keys(s.labels).sort()).toEqual(['operation', 'outcome', 'service']);
    }
  });
});

describe('label cardinality', () => {
  it('collapses services and operations past their caps into "other"', async () => {
    const metrics = new HealthMetrics({ maxServices: 3, maxOperations: 2 });
    for (let i = 0; i < 20; i++) {
      metrics.observeCall({
        service: `tenant-${i}`,
        operation: `op-${i % 5}`,
        outcome: 'success',
        durationMs: 1,
      });
    }
    const calls = (await scrape(metrics)).get('rel_calls_total')!.samples;
    expect(new Set(calls.map((s) => s.labels.service))).toEqual(
      new Set(['tenant-0', 'tenant-1', 'tenant-2', 'other']),
    );
    expect(new Set(calls.map((s) => s.labels.operation))).toEqual(new Set(['op-0', 'op-1', 'other']));
    expect(calls.reduce((sum, s) => sum + s.value, 0)).toBe(20);
  });

  it('overflowing trackers report the worst of them, not the last', async () => {
    const clock = new FakeClock();
    const health = new HealthRegistry({ clock });
    health.tracker('a');
    health.tracker('b').setBreakerState('open');
    health.tracker('c');
    const metrics = new HealthMetrics({ health, maxServices: 1 });
    const families = await scrape(metrics);
    expect(value(families.get('rel_health_score'), { service: 'other' })).toBeCloseTo(0.6, 12);
    expect(value(families.get('rel_health_status'), { service: 'other', status: 'unhealthy' })).toBe(1);
    expect(value(families.get('rel_circuit_breaker_state'), { service: 'other', state: 'open' })).toBe(1);
  });
});

describe('options', () => {
  it('registers in a given registry with a given prefix, and tracks single trackers', async () => {
    const registry = new Registry();
    const metrics = new HealthMetrics({ registry, prefix: 'agent_' });
    const tracker = new ReliabilityHealthTracker('llm', {}, { clock: new FakeClock() });
    metrics.track(tracker);
    metrics.track(tracker);
    const families = parseExposition(await registry.metrics());
    expect([...families.keys()].every((n) => n.startsWith('agent_'))).toBe(true);
    expect(families.get('agent_health_score')?.samples).toEqual([
      { name: 'agent_health_score', labels: { service: 'llm', operation: '' }, value: 1 },
    ]);
  });

  it('rejects bad options with RelConfigError naming each field', () => {
    expect(() => new HealthMetrics({ prefix: '9bad' })).toThrow(RelConfigError);
    expect(() => new HealthMetrics({ prefix: '9bad', maxServices: 0 })).toThrow(/prefix[\s\S]*maxServices/);
    expect(() => new HealthMetrics({ durationBuckets: [1, 0.5] })).toThrow(/strictly increasing/);
    expect(() => new HealthMetrics({ registry: {} as never })).toThrow(/prom-client Registry/);
    expect(() => new HealthMetrics({ maxOperation: 3 } as never)).toThrow(/did you mean "maxOperations"/);
  });
});

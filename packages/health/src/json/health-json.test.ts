import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { HealthRegistry } from '../system/health-registry.js';
import { healthHttpStatus, toHealthJson, toHealthJsonStatus } from './health-json.js';
import { HealthJsonSchema } from './health-json-schema.js';

function registry(): HealthRegistry {
  const r = new HealthRegistry({ clock: new FakeClock(), config: { latencySloMs: 1_000 } });
  const chat = r.tracker('openai', { operation: 'chat' });
  for (let i = 0; i < 20; i++) chat.record({ kind: 'success', durationMs: 800 });
  const embed = r.tracker('openai', { operation: 'embed' });
  for (let i = 0; i < 20; i++) embed.record({ kind: 'success', durationMs: 3_000 });
  const db = r.tracker('db');
  db.setBreakerState('open');
  for (let i = 0; i < 6; i++)
    db.record({ kind: 'timeout', durationMs: 30_000, attempt: 1, error: new Error('query timed out') });
  r.tracker('search', { essential: false });
  return r;
}

describe('toHealthJson', () => {
  it('produces a body that validates against the health+json schema', () => {
    const body = toHealthJson(registry().systemHealth(), {
      serviceId: 'agent-api',
      version: '1',
      releaseId: '1.4.2',
      notes: ['n'],
    });
    expect(HealthJsonSchema.parse(body)).toEqual(body);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('maps statuses and fills per-measurement checks', () => {
    const body = toHealthJson(registry().systemHealth(), { serviceId: 'agent-api' });
    expect(body).toMatchObject({
      status: 'fail',
      serviceId: 'agent-api',
      description: 'health of 3 tracked services',
    });
    expect(body.output).toBe('db is critical; openai is degraded');
    expect(Object.keys(body.checks ?? {}).sort()).toEqual([
      'db:circuitBreaker',
      'db:health',
      'db:latencyP95',
      'db:successRate',
      'openai:health',
      'openai:latencyP95',
      'openai:successRate',
      'search:health',
      'search:successRate',
    ]);
    const checks = body.checks!;
    expect(checks['db:circuitBreaker']).toEqual([
      expect.objectContaining({
        componentId: 'db',
        observedValue: 'open',
        status: 'fail',
        output: 'circuit breaker is open',
      }),
    ]);
    expect(checks['db:health']![0]).toMatchObject({
      observedValue: 0,
      observedUnit: 'score',
      status: 'fail',
    });
    expect(checks['db:health']![0]!.output).toMatch(
      /^critical \(score 0\): 6 of 6 calls failed, 6 consecutive failures, circuit breaker open.*last error: timeout: query timed out$/,
    );
    expect(checks['openai:latencyP95']).toEqual([
      expect.objectContaining({
        componentId: 'openai/chat',
        observedValue: 816,
        observedUnit: 'ms',
        status: 'pass',
      }),
      expect.objectContaining({ componentId: 'openai/embed', observedValue: 3_008, status: 'fail' }),
    ]);
    expect(checks['openai:latencyP95']![0]).not.toHaveProperty('output');
    expect(checks['openai:health']!.map((c) => c.status)).toEqual(['pass', 'warn']);
    expect(checks['search:successRate']![0]).toMatchObject({
      observedValue: 1,
      observedUnit: 'ratio',
      status: 'pass',
    });
    expect(checks['search:health']![0]!.time).toBe(new Date(1_700_000_000_000).toISOString());
  });

  it('renders one service, and a healthy system without output', () => {
    const r = registry();
    const one = r.serviceHealth('openai');
    if (!one.found) throw new Error('expected openai');
    const body = toHealthJson(one.health);
    expect(body).toMatchObject({ status: 'warn', description: 'health of 1 tracked service' });
    expect(HealthJsonSchema.safeParse(body).success).toBe(true);
    const healthy = toHealthJson(new HealthRegistry().systemHealth(), { description: 'agent' });
    expect(healthy).toEqual({ status: 'pass', checks: {}, description: 'agent' });
  });

  it('maps statuses to health+json and HTTP', () => {
    expect(
      ['healthy', 'degraded', 'unhealthy', 'critical'].map((s) => toHealthJsonStatus(s as never)),
    ).toEqual(['pass', 'warn', 'fail', 'fail']);
    expect([healthHttpStatus('pass'), healthHttpStatus('warn'), healthHttpStatus('fail')]).toEqual([
      200, 200, 503,
    ]);
  });
});

describe('HealthJsonSchema', () => {
  it('rejects bodies that break the draft', () => {
    const bad = [
      {},
      { status: 'ok' },
      { status: 'pass', checks: { nocolon: [] } },
      { status: 'pass', checks: { 'a:b': [{ status: 'down' }] } },
      { status: 'pass', checks: { 'a:b': [{ time: 'yesterday' }] } },
      { status: 'pass', extra: 1 },
      { status: 'pass', notes: 'not an array' },
    ];
    for (const body of bad) expect(HealthJsonSchema.safeParse(body).success).toBe(false);
    expect(
      HealthJsonSchema.safeParse({ status: 'warn', checks: { 'a:b': [{ observedValue: { x: [1] } }] } })
        .success,
    ).toBe(true);
  });
});

import { CircuitOpenError, RelConfigError } from '@rel/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, useFakeDefaultManager } from '../../test/fixtures.js';
import { clearReliabilityWrappers, getReliabilityWrapper } from '../agent-reliability/registry.js';
import { AgentError } from './agent-error.js';
import { AgentHealthStatus } from './agent-health-status.js';
import { AgentReliabilityMixin } from './agent-reliability-mixin.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
  clearReliabilityWrappers();
});
afterEach(() => env.restore());

class BaseAgent {
  readonly name: string;
  readonly model: string;
  constructor(name: string, model = 'small') {
    this.name = name;
    this.model = model;
  }
}

class Agent extends AgentReliabilityMixin(BaseAgent) {}

/** Settles `p` while running every timer of the fake clock. */
async function outcome<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  return settled;
}

/** An operation that takes `seconds` on the fake clock, then returns `value`. */
const takes =
  <T>(seconds: number, value: T) =>
  (): Promise<T> =>
    new Promise((resolve) => env.clock.setTimeout(() => resolve(value), seconds * 1000));

/** A non-retryable failure (the legacy wrapper never retries a TypeError): one attempt. */
const bug =
  (message = 'bug'): (() => Promise<never>) =>
  () =>
    Promise.reject(new TypeError(message));

describe('AgentReliabilityMixin: construction and defaults', () => {
  it('passes the base constructor arguments through and keeps the legacy defaults', () => {
    const agent = new Agent('triage', 'large');
    expect(agent.name).toBe('triage');
    expect(agent.model).toBe('large');
    expect(agent).toBeInstanceOf(BaseAgent);
    expect(agent.maxErrorHistory).toBe(50);
    expect(agent.maxOperationHistory).toBe(100);
    expect(agent.healthCheckInterval).toBe(60);
    expect(Object.keys(agent.recoveryStrategies)).toEqual(['llm_call', 'database_query', 'api_call']);
    expect(agent.errorHistory).toEqual([]);
    expect(agent.operationTimes).toEqual([]);
  });

  it('gets its wrapper from getReliabilityWrapper with 3 failures / 30 s and 2 retries', async () => {
    const agent = new Agent('planner');
    expect(agent.reliability).toBe(getReliabilityWrapper('planner'));
    const breaker = agent.reliability.instance.breaker!;
    expect(breaker.config.failureThreshold).toBe(3);
    expect(breaker.config.openMs).toBe(30_000);
    // 2 retries: 3 attempts; waits min(1·2^a, 10) s plus up to 25 % jitter.
    const { op, times } = failingTimes(env.clock, 9, 0);
    await outcome(agent.executeWithReliability(op, 'plan'));
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[1]! - times[0]!).toBeLessThanOrEqual(1250);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2000);
    expect(times[2]! - times[1]!).toBeLessThanOrEqual(2500);
  });

  it('falls back to the class name when the base sets no name', () => {
    class Anonymous {}
    class NamelessAgent extends AgentReliabilityMixin(Anonymous) {}
    expect(new NamelessAgent().reliability.agentName).toBe('NamelessAgent');
  });

  it('refuses a non-class base and bad settings', () => {
    expect(() => AgentReliabilityMixin(42 as unknown as typeof BaseAgent)).toThrow(RelConfigError);
    const agent = new Agent('settings');
    expect(() => (agent.maxErrorHistory = 0)).toThrow(RelConfigError);
    expect(() => (agent.maxOperationHistory = 1.5)).toThrow(RelConfigError);
    expect(() => (agent.healthCheckInterval = -1)).toThrow(RelConfigError);
  });
});

describe('executeWithReliability', () => {
  it('returns the value and records the time taken in seconds (fake clock)', async () => {
    const agent = new Agent('timed');
    expect(await outcome(agent.executeWithReliability(takes(2, 'done'), 'work'))).toEqual({ value: 'done' });
    await outcome(agent.executeWithReliability(takes(0.5, 'done'), 'work'));
    expect(agent.operationTimes).toEqual([2, 0.5]);
    expect(agent.errorHistory).toEqual([]);
  });

  it('records a failure as an AgentError and rethrows the error itself when no strategy matches', async () => {
    const agent = new Agent('plain');
    const error = new TypeError('bad input');
    const r = await outcome(
      agent.executeWithReliability(() => Promise.reject(error), 'parse', undefined, undefined, { doc: 7 }),
    );
    expect(r.error).toBe(error);
    expect(agent.errorHistory).toHaveLength(1);
    const e = agent.errorHistory[0]!;
    expect(e).toBeInstanceOf(AgentError);
    expect(e).toMatchObject({
      error_id: 'plain-1',
      agent_name: 'plain',
      operation: 'parse',
      error_type: 'TypeError',
      message: 'bad input',
      severity: 'high',
      context: { doc: 7 },
      recovery_attempted: false,
      recovery_successful: false,
    });
    expect(e.timestamp.getTime()).toBe(env.clock.now());
    expect(Object.isFrozen(e)).toBe(true);
  });

  it('answers llm_call, database_query and api_call failures with the legacy degraded answers', async () => {
    const agent = new Agent('defaults');
    const down = (): Promise<never> => Promise.reject(new TypeError('service down'));
    const answers: unknown[] = [];
    for (const name of ['llm_call', 'database_query', 'api_call']) {
      answers.push((await outcome(agent.executeWithReliability(down, name))).value);
    }
    expect(answers).toEqual([
      {
        status: 'fallback',
        message: 'Operation completed with limited functionality',
        error: 'service down',
        fallback_used: true,
      },
      { data: [], cached: true, error: 'service down', fallback_used: true },
      { result: 'limited', data: {}, error: 'service down', fallback_used: true },
    ]);
    // Recovered, but never silently: every failure stays recorded, marked as recovered.
    expect(agent.errorHistory.map((e) => [e.operation, e.recovery_attempted, e.recovery_successful])).toEqual(
      [
        ['llm_call', true, true],
        ['database_query', true, true],
        ['api_call', true, true],
      ],
    );
  });

  it('dispatches to a registered strategy by exact operation name, with the error and context', async () => {
    const agent = new Agent('custom');
    const seen: unknown[] = [];
    agent.registerRecoveryStrategy('search', (error, context) => {
      seen.push(error, context);
      return Promise.resolve({ results: [] as string[], degraded: true });
    });
    expect(Object.keys(agent.recoveryStrategies)).toContain('search');
    const error = new TypeError('index missing');
    const r = await outcome(
      agent.executeWithReliability<string[], { results: string[] }>(
        () => Promise.reject(error),
        'search',
        null,
        null,
        { q: 'x' },
      ),
    );
    expect(r.value).toEqual({ results: [], degraded: true });
    expect(seen).toEqual([error, { q: 'x' }]);
    const other = await outcome(agent.executeWithReliability(bug('again'), 'search_v2'));
    expect((other.error as Error).message).toBe('again');
    expect(agent.errorHistory.map((e) => [e.operation, e.recovery_attempted])).toEqual([
      ['search', true],
      ['search_v2', false],
    ]);
    expect(() => agent.registerRecoveryStrategy('', () => 1)).toThrow(RelConfigError);
  });

  it('rethrows the operation error when the strategy declines (null) or throws', async () => {
    const agent = new Agent('declines');
    agent.registerRecoveryStrategy('a', () => null);
    agent.registerRecoveryStrategy('b', () => {
      throw new Error('recovery broke');
    });
    const a = await outcome(agent.executeWithReliability(bug('a failed'), 'a'));
    const b = await outcome(agent.executeWithReliability(bug('b failed'), 'b'));
    expect((a.error as Error).message).toBe('a failed');
    expect((b.error as Error).message).toBe('b failed');
    expect(agent.errorHistory.map((e) => [e.operation, e.recovery_attempted, e.recovery_successful])).toEqual(
      [
        ['a', true, false],
        ['b', true, false],
      ],
    );
  });

  it('returns the fallback answer as a success; a failing fallback is recorded and thrown', async () => {
    const agent = new Agent('fallbacks');
    const r = await outcome(agent.executeWithReliability(bug(), 'draft', () => 'canned'));
    expect(r.value).toBe('canned');
    expect(agent.operationTimes).toHaveLength(1);
    expect(agent.errorHistory).toHaveLength(0);
    const broken = new Error('fallback broke');
    const f = await outcome(agent.executeWithReliability(bug(), 'draft', () => Promise.reject(broken)));
    expect(f.error).toBe(broken);
    expect(agent.errorHistory.map((e) => e.message)).toEqual(['fallback broke']);
  });

  it('runs within 30 s by default, or `timeout` seconds (0 and null mean the default)', async () => {
    const never = (): Promise<never> => new Promise(() => undefined);
    for (const [timeout, ms] of [
      [undefined, 30_000],
      [0, 30_000],
      [null, 30_000],
      [2, 2_000],
    ] as const) {
      const agent = new Agent(`slow_${String(timeout)}`);
      const start = env.clock.now();
      const r = await outcome(agent.executeWithReliability(never, 'wait', undefined, timeout));
      expect((r.error as { code?: string }).code).toBe('REL_DEADLINE_EXCEEDED');
      expect(env.clock.now() - start).toBe(ms);
      expect(agent.errorHistory.map((e) => e.error_type)).toEqual(['DeadlineExceededError']);
    }
  });

  it('refuses unusable arguments before running anything, recording nothing', async () => {
    const agent = new Agent('misuse');
    await expect(agent.executeWithReliability('nope' as never, 'op')).rejects.toThrow(RelConfigError);
    await expect(agent.executeWithReliability(() => 1, 'op', undefined, -1)).rejects.toThrow(RelConfigError);
    await expect(agent.executeWithReliability(() => 1, 'llm_call', 'x' as never)).rejects.toThrow(
      RelConfigError,
    );
    expect(agent.errorHistory).toEqual([]);
  });

  it('records an open circuit refusal as a high-severity CircuitOpenError', async () => {
    const agent = new Agent('opens');
    for (let i = 0; i < 3; i++) await outcome(agent.executeWithReliability(bug(), 'op'));
    const r = await outcome(agent.executeWithReliability(() => 'x', 'op'));
    expect(r.error).toBeInstanceOf(CircuitOpenError);
    expect((r.error as Error).message).toBe('opens.op: Circuit breaker is OPEN');
    expect(agent.errorHistory.at(-1)).toMatchObject({ error_type: 'CircuitOpenError', severity: 'high' });
    expect(agent.getComprehensiveHealthStatus().circuit_breaker_state).toBe('open');
  });
});

describe('bounded histories', () => {
  it('keeps the newest 100 operation times and the newest 50 errors', async () => {
    const agent = new Agent('bounded');
    // i/10 s each: well within the 30 s default timeout.
    for (let i = 1; i <= 105; i++) await outcome(agent.executeWithReliability(takes(i / 10, i), 'op'));
    expect(agent.operationTimes).toHaveLength(100);
    expect(agent.operationTimes[0]).toBeCloseTo(0.6, 12);
    for (let i = 1; i <= 55; i++) await outcome(agent.executeWithReliability(bug(`e${i}`), 'op'));
    expect(agent.errorHistory).toHaveLength(50);
    expect(agent.errorHistory[0]!.message).toMatch(/^e6$|Circuit breaker is OPEN/);
    expect(agent.errorHistory.at(-1)!.error_id).toBe('bounded-55');
  });

  it('trims at once when a bound is lowered, and accepts an assigned history', async () => {
    const agent = new Agent('trim');
    for (let i = 1; i <= 5; i++) await outcome(agent.executeWithReliability(takes(i, i), 'op'));
    agent.maxOperationHistory = 2;
    expect(agent.operationTimes).toEqual([4, 5]);
    await outcome(agent.executeWithReliability(bug('one'), 'op'));
    await outcome(agent.executeWithReliability(bug('two'), 'op'));
    agent.maxErrorHistory = 1;
    expect(agent.errorHistory.map((e) => e.message)).toEqual(['two']);
    agent.errorHistory = [];
    expect(agent.getErrorSummary().total_errors).toBe(0);
    expect(() => (agent.errorHistory = [{}] as never)).toThrow(RelConfigError);
  });
});

describe('getComprehensiveHealthStatus', () => {
  it('is perfect before any operation', () => {
    const h = new Agent('fresh').getComprehensiveHealthStatus();
    expect(h).toBeInstanceOf(AgentHealthStatus);
    expect(h).toMatchObject({
      agent_name: 'fresh',
      overall_health: 1,
      circuit_breaker_state: 'closed',
      recent_errors: 0,
      total_operations: 0,
      success_rate: 1,
      average_response_time: 0,
      last_error: null,
      status: 'healthy',
    });
    expect(h.canonical_health?.service).toBe('fresh');
  });

  it('8 successes of 1 s and 2 recent errors: 0.8 - 0.2 = 0.6, degraded; healthy once they age out', async () => {
    const agent = new Agent('scored');
    for (let i = 0; i < 8; i++) await outcome(agent.executeWithReliability(takes(1, i), 'op'));
    for (let i = 0; i < 2; i++) await outcome(agent.executeWithReliability(bug(), 'op'));
    const h = agent.getComprehensiveHealthStatus();
    expect(h).toMatchObject({
      total_operations: 10,
      success_rate: 0.8,
      recent_errors: 2,
      average_response_time: 1,
      status: 'degraded',
      circuit_breaker_state: 'closed',
    });
    expect(h.overall_health).toBeCloseTo(0.6, 12);
    expect(h.last_error).toBe(agent.errorHistory[1]);
    await env.clock.advance(300_001);
    const later = agent.getComprehensiveHealthStatus();
    expect(later.recent_errors).toBe(0);
    expect(later.overall_health).toBeCloseTo(0.8, 12);
    expect(later.status).toBe('healthy');
  });

  it('takes 0.1 per second of average response time over 5 s (at most 0.3), over the newest 20', async () => {
    const agent = new Agent('latency');
    await outcome(agent.executeWithReliability(takes(7, 'slow'), 'op'));
    expect(agent.getComprehensiveHealthStatus()).toMatchObject({
      average_response_time: 7,
      status: 'healthy',
    });
    expect(agent.getComprehensiveHealthStatus().overall_health).toBeCloseTo(0.8, 12); // 1 - 0.1 x 2 s
    await outcome(agent.executeWithReliability(takes(19, 'slower'), 'op'));
    // average 13 s: the penalty stops at 0.3
    expect(agent.getComprehensiveHealthStatus()).toMatchObject({
      average_response_time: 13,
      status: 'degraded',
    });
    expect(agent.getComprehensiveHealthStatus().overall_health).toBeCloseTo(0.7, 12);
    for (let i = 0; i < 20; i++) await outcome(agent.executeWithReliability(takes(1, i), 'op'));
    expect(agent.getComprehensiveHealthStatus()).toMatchObject({
      average_response_time: 1,
      overall_health: 1,
    });
  });

  it('is unhealthy with more than 2 recent errors', async () => {
    const agent = new Agent('failing');
    for (let i = 0; i < 3; i++) await outcome(agent.executeWithReliability(bug(), 'op'));
    expect(agent.getComprehensiveHealthStatus()).toMatchObject({ overall_health: 0, status: 'unhealthy' });
  });
});

describe('getErrorSummary', () => {
  it('has the legacy shape, empty and with errors', async () => {
    const agent = new Agent('summary');
    expect(agent.getErrorSummary()).toEqual({ total_errors: 0, error_types: {}, recent_errors: 0 });
    await outcome(agent.executeWithReliability(bug('one'), 'op'));
    await env.clock.advance(400_000);
    await outcome(agent.executeWithReliability(bug('two'), 'op'));
    await outcome(agent.executeWithReliability(() => Promise.reject(new RangeError('three')), 'op'));
    expect(agent.getErrorSummary()).toEqual({
      total_errors: 3,
      error_types: { TypeError: 2, RangeError: 1 },
      recent_errors: 2,
      last_error: {
        type: 'RangeError',
        message: 'three',
        timestamp: new Date(env.clock.now()).toISOString(),
      },
    });
  });
});

describe('health checks and reset', () => {
  it('is due before the first check and then every healthCheckInterval seconds (fake clock)', async () => {
    const agent = new Agent('checked');
    expect(agent.shouldPerformHealthCheck()).toBe(true);
    const h = await agent.performHealthCheck();
    expect(h).toBeInstanceOf(AgentHealthStatus);
    expect(agent.shouldPerformHealthCheck()).toBe(false);
    await env.clock.advance(59_999);
    expect(agent.shouldPerformHealthCheck()).toBe(false);
    await env.clock.advance(1);
    expect(agent.shouldPerformHealthCheck()).toBe(true);
    await agent.performHealthCheck();
    agent.healthCheckInterval = 10;
    await env.clock.advance(10_000);
    expect(agent.shouldPerformHealthCheck()).toBe(true);
  });

  it('resetHealthMetrics clears both histories, closes the breaker and resets canonical health', async () => {
    const agent = new Agent('reset');
    await outcome(agent.executeWithReliability(() => 1, 'op'));
    for (let i = 0; i < 3; i++) await outcome(agent.executeWithReliability(bug(), 'op'));
    expect(agent.getComprehensiveHealthStatus().circuit_breaker_state).toBe('open');
    agent.resetHealthMetrics();
    expect(agent.errorHistory).toEqual([]);
    expect(agent.operationTimes).toEqual([]);
    const h = agent.getComprehensiveHealthStatus();
    expect(h).toMatchObject({ circuit_breaker_state: 'closed', overall_health: 1, status: 'healthy' });
    expect(h.canonical_health!.totals.success).toBe(0);
  });
});

describe('AgentError and AgentHealthStatus (the legacy dataclasses)', () => {
  it('take keyword fields with the legacy defaults, frozen', () => {
    const e = new AgentError({
      error_id: 'x-1',
      agent_name: 'x',
      operation: 'op',
      error_type: 'Error',
      message: 'm',
      timestamp: new Date(0),
      severity: 'low',
    });
    expect(e).toMatchObject({ context: {}, recovery_attempted: false, recovery_successful: false });
    expect(Object.isFrozen(e)).toBe(true);
    const h = new AgentHealthStatus({
      agent_name: 'x',
      overall_health: 0.5,
      circuit_breaker_state: 'closed',
      recent_errors: 1,
      total_operations: 2,
      success_rate: 0.5,
      average_response_time: 0.1,
      last_error: e,
    });
    expect(h).toMatchObject({ status: 'healthy', last_error: e });
    expect('canonical_health' in h).toBe(false);
  });

  it('name every bad field', () => {
    expect(() => new AgentError({ severity: 'fatal' } as never)).toThrow(
      /error_id[\s\S]*timestamp[\s\S]*severity/,
    );
    expect(() => new AgentHealthStatus({ agent_name: 'x' } as never)).toThrow(RelConfigError);
  });
});

import { CircuitOpenError } from '@rel/config';
import { sequenceRandom } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, useFakeDefaultManager } from '../../test/fixtures.js';
import { AgentReliabilityWrapper } from './agent-reliability-wrapper.js';
import { clearReliabilityWrappers, getReliabilityWrapper, getSystemHealth } from './registry.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
  clearReliabilityWrappers();
});
afterEach(() => env.restore());

async function outcome<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  return settled;
}

describe('legacy AgentReliabilityWrapper', () => {
  it('retries with the reliability-retry schedule of retryConfig and tracks failed calls', async () => {
    const w = new AgentReliabilityWrapper('triage', undefined, {
      max_retries: 2,
      base_delay: 0.5,
      jitter: false,
    });
    const { op, times, errors } = failingTimes(env.clock, 9, 0);
    const r = await outcome(w.executeSafely(op, 'classify'));
    expect(gaps(times)).toEqual([500, 1000]);
    expect(r.error).toBe(errors[2]);
    expect(w.errorHistory).toEqual([
      {
        timestamp: new Date(env.clock.now()).toISOString(),
        operation: 'classify',
        error_type: 'Error',
        error_message: 'failure 3',
        agent: 'triage',
      },
    ]);
  });

  it('never retries the legacy non-retryable errors (ValueError, TypeError, ...)', async () => {
    const w = new AgentReliabilityWrapper('strict', undefined, { max_retries: 3, jitter: false });
    const { op, times } = failingTimes(env.clock, 9, 0, () =>
      Object.assign(new Error('k'), { name: 'KeyError' }),
    );
    await outcome(w.executeSafely(op, 'lookup'));
    expect(times).toHaveLength(1);
  });

  it('answers from the fallback, and refuses while open with the legacy message', async () => {
    const w = new AgentReliabilityWrapper(
      'writer',
      { failure_threshold: 2, recovery_timeout: 10 },
      { max_retries: 1, base_delay: 0.1 },
      { random: sequenceRandom([0]) },
    );
    expect(
      await outcome(
        w.executeSafely(
          () => Promise.reject(new Error('down')),
          'draft',
          () => 'canned',
        ),
      ),
    ).toEqual({ value: 'canned' });
    expect(w.getHealthStatus().circuit_breaker.state).toBe('open');
    const refused = await outcome(w.executeSafely(() => 'x', 'draft'));
    expect(refused.error).toBeInstanceOf(CircuitOpenError);
    expect((refused.error as Error).message).toBe('writer.draft: Circuit breaker is OPEN');
    const fallbackError = new Error('fallback broke');
    const broken = await outcome(
      w.executeSafely(
        () => 'x',
        'draft',
        () => Promise.reject(fallbackError),
      ),
    );
    expect(broken.error).toBe(fallbackError);
    expect(w.errorHistory.map((e) => e.operation)).toEqual(['draft', 'draft', 'draft', 'draft_fallback']);
  });

  it('reports the legacy penalty-based health score', async () => {
    const w = new AgentReliabilityWrapper('scorer', { failure_threshold: 10 }, { max_retries: 0 });
    expect(w.getHealthStatus()).toMatchObject({
      agent_name: 'scorer',
      recent_errors: 0,
      total_tracked_errors: 0,
      last_error: null,
      health_score: 1,
    });
    for (let i = 0; i < 9; i++) await outcome(w.executeSafely(() => i, 'ok'));
    await outcome(w.executeSafely(() => Promise.reject(new Error('x')), 'bad'));
    const h = w.getHealthStatus();
    expect(h.recent_errors).toBe(1);
    expect(h.health_score).toBeCloseTo(0.9 - 0.1, 12); // 9/10 successes, no openings, one recent error
    await env.clock.advance(300_001);
    expect(w.getHealthStatus().recent_errors).toBe(0);
  });

  it('runs within `timeout` seconds', async () => {
    const w = new AgentReliabilityWrapper('slow', undefined, { max_retries: 0 });
    const r = await outcome(
      w.executeSafely(
        () => new Promise((resolve) => env.clock.setTimeout(() => resolve(1), 10_000)),
        'wait',
        undefined,
        2,
      ),
    );
    expect((r.error as { code?: string }).code).toBe('REL_DEADLINE_EXCEEDED');
  });
});

describe('getReliabilityWrapper / getSystemHealth', () => {
  it('caches by agent name and summarises every agent (healthy: score > 0.8)', async () => {
    const a = getReliabilityWrapper('alpha');
    expect(getReliabilityWrapper('alpha', { failure_threshold: 1 })).toBe(a);
    const b = getReliabilityWrapper('beta', { failure_threshold: 1 }, { max_retries: 0 });
    await outcome(b.executeSafely(() => Promise.reject(new Error('x')), 'op'));
    const system = getSystemHealth();
    expect(system).toMatchObject({ total_agents: 2, healthy_agents: 1 });
    expect(Object.keys(system.agents)).toEqual(['alpha', 'beta']);
    expect(system.agents.beta!.health_score).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { AgentReliabilityWrapper } from '../agent/agent-wrapper.js';
import type { RunContext } from '../events/run-context.js';
import { quick, reset, testManager } from '../../test/kit.js';
import { failureMessage } from './run-links.js';

describe('reliability events of calls that belong to runs', () => {
  it('a retry is reported only into the run whose call retried', async () => {
    const { manager, clock, sink } = testManager();
    manager.get('api', quick({ retry: { maxAttempts: 2 } }));
    const agent = new AgentReliabilityWrapper('bot', { manager });
    const a = agent.startRun({ runId: 'a', userId: 'u1' });
    const b = agent.startRun({ runId: 'b', userId: 'u2' });
    let n = 0;
    const flaky = () => (n++ === 0 ? Promise.reject(reset()) : Promise.resolve('ok'));
    const ta = a.tool('fetch', {}, flaky, { service: 'api' });
    const tb = b.tool('fetch', {}, () => Promise.resolve('ok'), { service: 'api' });
    await clock.advance(100);
    await Promise.all([ta, tb]);
    const retries = (run: string) => sink.forRun(run).filter((e) => e.type === 'agent_retrying');
    expect(retries('a')).toHaveLength(1);
    expect(retries('b')).toHaveLength(0);
    // The first failure also degraded the service's health (1 failure in 5 padded samples):
    // that is a change of the dependency, reported into every run with a call in flight.
    expect(sink.types('a')).toEqual([
      'agent_started',
      'tool_executing',
      'health_degraded',
      'agent_retrying',
      'tool_completed',
    ]);
  });

  it('a breaker transition reaches each run with a call in flight once, however many calls it has', async () => {
    const { manager, clock, sink } = testManager();
    manager.get('api', quick({ retry: { maxAttempts: 1 }, circuitBreaker: { failureThreshold: 2 } }));
    const agent = new AgentReliabilityWrapper('bot', { manager });
    const a = agent.startRun({ runId: 'a', userId: 'u1' });
    const b = agent.startRun({ runId: 'b', userId: 'u2' });
    const idle = agent.startRun({ runId: 'idle', userId: 'u3' });
    const fail = (ms: number) => () =>
      new Promise<string>((_, reject) => clock.setTimeout(() => reject(reset()), ms));
    const calls = [
      a.tool('t1', {}, fail(10), { service: 'api' }),
      a.tool('t2', {}, fail(20), { service: 'api' }),
      b.tool('t3', {}, fail(30), { service: 'api' }),
    ].map((p) => p.catch(() => 'failed'));
    await clock.advance(30);
    await Promise.all(calls);
    const opened = (run: string) =>
      sink.forRun(run).filter((e) => e.type === 'circuit_breaker_opened').length;
    // Opened by a's second call (the 2nd failure), while a's two calls and b's call were in flight.
    expect([opened('a'), opened('b'), opened('idle')]).toEqual([1, 1, 0]);
    expect(idle.state).toBe('running');
  });

  it('a profile with events off reports nothing into runs', async () => {
    const { manager, clock, sink } = testManager();
    manager.get('quiet', quick({ retry: { maxAttempts: 2 }, events: { enabled: false } }));
    const run = new AgentReliabilityWrapper('bot', { manager }).startRun({ runId: 'r', userId: 'u' });
    let n = 0;
    const t = run.tool('x', {}, () => (n++ === 0 ? Promise.reject(reset()) : Promise.resolve(1)), {
      service: 'quiet',
    });
    await clock.advance(100);
    await t;
    expect(sink.types('r')).toEqual(['agent_started', 'tool_executing', 'tool_completed']);
  });

  it("a run context of the caller's own that throws cannot break the call", async () => {
    const { manager, clock, lines } = testManager();
    const api = manager.get('api', quick({ retry: { maxAttempts: 2 } }));
    const run: RunContext = {
      runId: 'custom',
      userId: 'u',
      agentName: 'bot',
      report: () => {
        throw new Error('my sink is broken');
      },
    };
    const r = api.run(() => Promise.reject(reset()), { run, fallback: 'cached' });
    await clock.advance(100);
    await expect(r).resolves.toMatchObject({ success: true, value: 'cached', outcome: 'fallback_used' });
    const reported = lines.filter((l) => l.msg === 'a run context threw while reporting an event');
    expect(reported.map((l) => l.type)).toEqual(expect.arrayContaining(['agent_retrying', 'agent_fallback']));
  });

  it('describes failures briefly, never as [object Object]', () => {
    expect(failureMessage(new TypeError('bad'))).toBe('TypeError: bad');
    expect(failureMessage({ message: 'plain' })).toBe('plain');
    expect(failureMessage({ x: 1 })).toBe('[object Object]');
    expect(failureMessage('x'.repeat(600))).toHaveLength(500);
    expect(failureMessage(undefined)).toBeUndefined();
    expect(failureMessage(404)).toBe('404');
  });
});

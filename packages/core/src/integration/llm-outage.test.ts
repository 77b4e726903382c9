import { defineProfile } from '@rel/config';
import { HealthJsonSchema } from '@rel/health';
import { FakeClock, seededRandom } from '@rel/test-utils';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AgentReliabilityWrapper } from '../agent/agent-wrapper.js';
import type { AgentEvent } from '../events/envelope.js';
import { MemoryEventSink } from '../events/memory-sink.js';
import { ReliabilityManager } from '../manager/reliability-manager.js';

/** An upstream LLM API whose behaviour the test switches; it counts every request. */
function llmUpstream() {
  const state = { mode: 'ok' as 'ok' | '429' | 'down', requests: 0, failuresLeft: 0 };
  const call = () => {
    state.requests++;
    if (state.mode === '429' && state.failuresLeft-- > 0) {
      return Promise.reject(
        Object.assign(new Error('Too Many Requests'), { status: 429, headers: { 'retry-after': '10' } }),
      );
    }
    if (state.mode === 'down')
      return Promise.reject(Object.assign(new Error('Service Unavailable'), { status: 503 }));
    return Promise.resolve({ text: 'Hello from the model' });
  };
  return { state, call };
}

/** The fields of an event the scenario asserts: its type and what says why it happened. */
function digest(e: AgentEvent): Record<string, unknown> {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case 'tool_completed':
      return { type: e.type, status: p.status, attempts: p.attempts, fallback_used: p.fallback_used };
    case 'agent_retrying':
      return { type: e.type, attempt: p.attempt, reason: p.reason, retry_after_ms: p.retry_after_ms };
    case 'agent_fallback':
      return { type: e.type, reason: p.reason };
    case 'circuit_breaker_opened':
    case 'circuit_breaker_half_open':
    case 'circuit_breaker_closed':
      return { type: e.type, from: p.from_state, to: p.to_state, reason: p.reason };
    case 'health_degraded':
    case 'health_recovered':
      return { type: e.type, from: p.previous_status, to: p.status };
    default:
      return { type: e.type };
  }
}

describe('integration: an LLM dependency through 429s, an outage and recovery (fake clock)', () => {
  it('reports exactly what happened into the run, and health goes degraded -> recovered', async () => {
    const clock = new FakeClock();
    const sink = new MemoryEventSink();
    const logs: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
    const manager = new ReliabilityManager({ clock, random: seededRandom(7), sinks: [sink], logger });
    // The LLM profile (4 attempts, 2 s x2.5 backoff, breaker: 3 consecutive failures, 180 s
    // open) with events on and a small budget: no deposits, a floor of 1 token refilled at
    // 0.1 token/s. So a retry needs ~10 s since the previous one.
    manager.get(
      'openai',
      defineProfile({
        profile: 'llm',
        events: { enabled: true },
        retry: { budget: { ratio: 0, minRetriesPerSecond: 0.1 } },
      }),
    );
    const upstream = llmUpstream();
    const openai = manager.get('openai');
    for (let i = 0; i < 10; i++) await openai.execute(upstream.call); // warm-up: 10 successes at t0

    const agent = new AgentReliabilityWrapper('assistant', { manager });
    const run = agent.startRun({ runId: 'run-1', userId: 'alice', threadId: 'thread-1' });
    const chat = () =>
      run.tool('chat', { prompt: 'hello', apiKey: 'sk-live-123' }, upstream.call, {
        service: 'openai',
        fallback: { text: 'The assistant is busy; here is a cached answer.' },
      });

    // Phase 1: two 429s with Retry-After: 10, then success. Each wait is the hint (10 s),
    // longer than the backoff (2 s +-15%), and the budget floor has refilled by then.
    upstream.state.mode = '429';
    upstream.state.failuresLeft = 2;
    const first = chat();
    await clock.advance(20_000);
    await expect(first).resolves.toEqual({ text: 'Hello from the model' });

    // Phase 2: outage (503). Call A: one retry, then the budget (0.22 token after the
    // ~2.2 s backoff) refuses the next: fallback. Call B: the 3rd consecutive failure opens
    // the breaker: fallback. Call C: refused by the open breaker before any attempt: fallback.
    upstream.state.mode = 'down';
    const callA = chat();
    await clock.advance(2_500);
    await expect(callA).resolves.toEqual({ text: 'The assistant is busy; here is a cached answer.' });
    const callB = chat();
    await clock.flush();
    await callB;
    const callC = chat();
    await clock.flush();
    await callC;
    expect(manager.health().status).toBe('fail');

    // Phase 3: recovery. After the open time (180 s +-10%), call D is the half-open probe;
    // it succeeds and closes the breaker. 300 s later the recent-error window is clear and
    // call E brings health back to healthy.
    upstream.state.mode = 'ok';
    await clock.advance(200_000);
    await expect(chat()).resolves.toEqual({ text: 'Hello from the model' });
    await clock.advance(300_000);
    await expect(chat()).resolves.toEqual({ text: 'Hello from the model' });
    run.complete({ answered: 6 });

    const events = sink.forRun('run-1');
    expect(events.map(digest)).toEqual([
      { type: 'agent_started' },
      // Phase 1.
      { type: 'tool_executing' },
      { type: 'agent_retrying', attempt: 1, reason: 'rate_limited', retry_after_ms: 10_000 },
      // 2 failures in 12 samples: 1 - 2/12 - 0.2 * 2/12 = 0.8 < 0.85 (0.9 - hysteresis).
      { type: 'health_degraded', from: 'healthy', to: 'degraded' },
      { type: 'agent_retrying', attempt: 2, reason: 'rate_limited', retry_after_ms: 10_000 },
      { type: 'tool_completed', status: 'completed', attempts: 3, fallback_used: false },
      // Phase 2, call A.
      { type: 'tool_executing' },
      { type: 'agent_retrying', attempt: 1, reason: 'overloaded', retry_after_ms: undefined },
      // 4 failures in 15, and the budget level falls to ~0.22 (-0.078): ~0.60 < 0.65.
      { type: 'health_degraded', from: 'degraded', to: 'unhealthy' },
      { type: 'agent_fallback', reason: 'budget_exhausted' },
      { type: 'tool_completed', status: 'completed', attempts: 2, fallback_used: true },
      // Call B.
      { type: 'tool_executing' },
      { type: 'circuit_breaker_opened', from: 'closed', to: 'open', reason: 'failure_threshold' },
      // An open breaker takes 0.4 off: ~0.20 < 0.45.
      { type: 'health_degraded', from: 'unhealthy', to: 'critical' },
      { type: 'agent_fallback', reason: 'circuit_open' },
      { type: 'tool_completed', status: 'completed', attempts: 1, fallback_used: true },
      // Call C.
      { type: 'tool_executing' },
      { type: 'agent_fallback', reason: 'circuit_open' },
      { type: 'tool_completed', status: 'completed', attempts: 0, fallback_used: true },
      // Phase 3, call D: the open time elapsed; the 60 s window is empty, 5 of 16 recent
      // samples failed (-0.0625), half-open -0.2, budget -0.078: ~0.66 >= 0.55.
      { type: 'tool_executing' },
      { type: 'circuit_breaker_half_open', from: 'open', to: 'half_open', reason: 'open_elapsed' },
      { type: 'health_recovered', from: 'critical', to: 'unhealthy' },
      { type: 'circuit_breaker_closed', from: 'half_open', to: 'closed', reason: 'probes_succeeded' },
      // Closed: ~0.86 >= 0.75, not yet 0.95.
      { type: 'health_recovered', from: 'unhealthy', to: 'degraded' },
      { type: 'tool_completed', status: 'completed', attempts: 1, fallback_used: false },
      // Call E: no failure left in any window, budget full: score 1.
      { type: 'tool_executing' },
      { type: 'health_recovered', from: 'degraded', to: 'healthy' },
      { type: 'tool_completed', status: 'completed', attempts: 1, fallback_used: false },
      { type: 'agent_completed' },
    ]);

    // The numbers behind them.
    const retrying = events
      .filter((e) => e.type === 'agent_retrying')
      .map((e) => e.payload as { delay_ms: number });
    expect(retrying[0]!.delay_ms).toBe(10_000);
    expect(retrying[1]!.delay_ms).toBe(10_000);
    const backoff = retrying[2]!.delay_ms; // 2000 ms with +-15% proportional jitter
    expect(backoff).toBeGreaterThanOrEqual(1_700);
    expect(backoff).toBeLessThanOrEqual(2_300);
    const health = events
      .filter((e) => e.type.startsWith('health_'))
      .map((e) => e.payload as { score: number });
    expect(health[0]!.score).toBeCloseTo(1 - 2 / 12 - (0.2 * 2) / 12, 9);
    // The floor refilled at 0.1 token/s during the wait, which the timer rounds up to whole ms.
    const level = Math.ceil(backoff) / 10_000;
    expect(health[1]!.score).toBeCloseTo(1 - 4 / 15 - (0.2 * 4) / 15 - 0.1 * (1 - level), 9);
    expect(health[health.length - 1]!.score).toBe(1);
    const opened = events.find((e) => e.type === 'circuit_breaker_opened')!.payload as {
      retry_after_ms: number;
    };
    expect(opened.retry_after_ms).toBeGreaterThanOrEqual(162_000);
    expect(opened.retry_after_ms).toBeLessThanOrEqual(198_000);
    const executing = events.find((e) => e.type === 'tool_executing')!.payload as { parameters: unknown };
    expect(executing.parameters).toEqual({ prompt: 'hello', apiKey: '[REDACTED]' });

    // Per user, seq 1..n with no gaps, and every run event carries the run's envelope.
    expect(sink.forUser('alice').map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.every((e) => e.thread_id === 'thread-1' && e.agent_name === 'assistant')).toBe(true);

    // The breaker kept the outage from the upstream: 10 + 3 + 2 + 1 + 0 + 1 + 1 requests.
    expect(upstream.state.requests).toBe(18);
    const body = manager.health();
    expect(HealthJsonSchema.parse(body).status).toBe('pass');
    expect(openai.status().circuit).toMatchObject({ state: 'closed', opens: 1 });
    expect(openai.status().fallbacks.used).toEqual({ budget_exhausted: 1, circuit_open: 2 });

    // Every transition and refusal was logged with structured fields.
    const messages = logs.map((l) => JSON.parse(l) as { msg: string; service?: string; reason?: string });
    expect(messages.filter((m) => m.msg === 'retrying')).toHaveLength(3);
    expect(messages.filter((m) => m.msg === 'a fallback answered the call').map((m) => m.reason)).toEqual([
      'budget_exhausted',
      'circuit_open',
      'circuit_open',
    ]);
    expect(messages.map((m) => m.msg)).toEqual(
      expect.arrayContaining(['circuit breaker open', 'circuit breaker half_open', 'circuit breaker closed']),
    );
    expect(logs.join('')).not.toContain('sk-live-123');
  });
});

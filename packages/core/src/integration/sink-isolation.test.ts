import { FakeClock, seededRandom } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { AgentReliabilityWrapper } from '../agent/agent-wrapper.js';
import type { AgentEvent } from '../events/envelope.js';
import { MemoryEventSink } from '../events/memory-sink.js';
import type { EventSink } from '../events/sink.js';
import { memoryLogger, quick, reset } from '../../test/kit.js';
import { ReliabilityManager } from '../manager/reliability-manager.js';

/** One scripted run: a flaky tool, a failing tool with a fallback, a failing tool without. */
async function scenario(sinks: EventSink[]) {
  const clock = new FakeClock();
  const { logger } = memoryLogger();
  const manager = new ReliabilityManager({ clock, random: seededRandom(3), sinks, logger });
  manager.get('api', quick({ retry: { maxAttempts: 3 }, circuitBreaker: { failureThreshold: 10 } }));
  const agent = new AgentReliabilityWrapper('bot', { manager });
  const run = agent.startRun({ runId: 'r', userId: 'u' });
  const started = clock.now();
  const outcomes: unknown[] = [];
  let n = 0;
  const flaky = () => (n++ < 2 ? Promise.reject(reset()) : Promise.resolve('third time'));
  const settle = async (p: Promise<unknown>) => {
    const done = p.then(
      (v) => ({ ok: v }),
      (e: unknown) => ({ error: (e as Error).name }),
    );
    await clock.advance(1_000);
    outcomes.push({ ...(await done), at: clock.now() - started });
  };
  run.thinking('planning');
  await settle(run.tool('flaky', {}, flaky, { service: 'api' }));
  await settle(run.tool('down', {}, () => Promise.reject(reset()), { service: 'api', fallback: 'cached' }));
  await settle(run.tool('down', {}, () => Promise.reject(reset()), { service: 'api' }));
  run.complete('done');
  return { outcomes, manager, api: manager.get('api') };
}

describe('integration: event sinks can never fail or slow an operation', () => {
  it('a throwing sink and a never-settling sink change no result and add no (fake) time', async () => {
    const baseline = await scenario([]);
    const recorder = new MemoryEventSink();
    const throwing: EventSink = {
      name: 'throws',
      send: (e: AgentEvent) => {
        throw new Error(`cannot take ${e.type}`);
      },
    };
    const rejecting: EventSink = { name: 'rejects', send: () => Promise.reject(new Error('later')) };
    const stuck: EventSink = { name: 'stuck', send: () => new Promise<void>(() => undefined) };
    const faulty = await scenario([throwing, stuck, rejecting, recorder]);

    expect(faulty.outcomes).toEqual(baseline.outcomes);
    expect(faulty.outcomes).toEqual([
      { ok: 'third time', at: 1_000 },
      { ok: 'cached', at: 2_000 },
      { error: 'RetryExhaustedError', at: 3_000 },
    ]);
    expect(faulty.api.health.snapshot().window).toEqual(baseline.api.health.snapshot().window);

    // Every event still reached the healthy sink, in order, and the faulty ones are counted.
    const delivered = recorder.events.length;
    expect(recorder.events.map((e) => e.seq)).toEqual(recorder.events.map((_, i) => i + 1));
    expect(recorder.types().slice(0, 3)).toEqual(['agent_started', 'agent_thinking', 'tool_executing']);
    expect(recorder.types().at(-1)).toBe('agent_completed');
    await Promise.resolve();
    const stats = faulty.manager.events.stats().sinks;
    expect(stats.find((s) => s.name === 'throws')).toMatchObject({
      sent: delivered,
      failed: delivered,
      pending: 0,
    });
    expect(stats.find((s) => s.name === 'stuck')).toMatchObject({
      sent: delivered,
      failed: 0,
      pending: delivered,
    });
    expect(stats.find((s) => s.name === 'rejects')).toMatchObject({
      sent: delivered,
      failed: delivered,
      pending: 0,
    });
  });
});

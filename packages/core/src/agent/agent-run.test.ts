import { InvalidStateError, RelValidationError } from '@rel/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TERMINAL_EVENT_TYPES } from '../events/event-types.js';
import { quick, reset, testManager } from '../../test/kit.js';
import { AgentReliabilityWrapper } from './agent-wrapper.js';

function setup() {
  const kit = testManager();
  kit.manager.get('bot', quick({ retry: { maxAttempts: 2 } }));
  const agent = new AgentReliabilityWrapper('bot', { manager: kit.manager });
  return { ...kit, agent };
}

describe('AgentRun', () => {
  it('emits agent_started first with the legacy payload shape', () => {
    const { agent, sink } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice', threadId: 't1', context: { ticket: 7 } });
    expect(run.state).toBe('running');
    expect(sink.events[0]).toMatchObject({
      type: 'agent_started',
      run_id: 'r1',
      user_id: 'alice',
      thread_id: 't1',
      agent_name: 'bot',
      seq: 1,
      payload: { status: 'started', message: 'Starting bot', context: { ticket: 7 } },
    });
  });

  it('thinking and progress carry their fields; bad values are refused by the schema', () => {
    const { agent, sink } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice' });
    run.thinking('Reading the ticket', 1, 10);
    run.progress('Indexing', 50, { files: 3, token: 'secret' });
    expect(
      sink
        .forRun('r1')
        .slice(1)
        .map((e) => e.payload),
    ).toEqual([
      { status: 'thinking', reasoning: 'Reading the ticket', step_number: 1, progress_percentage: 10 },
      {
        status: 'progress',
        message: 'Indexing',
        progress_percentage: 50,
        progress_data: { files: 3, token: '[REDACTED]' },
      },
    ]);
    expect(() => run.progress('too far', 120)).toThrow(RelValidationError);
    expect(() => run.thinking('x', -1)).toThrow(/step_number/);
    expect(run.state).toBe('running');
  });

  it('a tool emits tool_executing, then tool_completed with time, attempts and fallback flag', async () => {
    const { agent, sink, clock } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice' });
    let n = 0;
    const flaky = () =>
      n++ === 0
        ? Promise.reject(reset())
        : new Promise<{ rows: number }>((resolve) => clock.setTimeout(() => resolve({ rows: 3 }), 40));
    const result = run.tool('sql', { query: 'select 1', password: 'pw' }, flaky);
    await clock.advance(140);
    await expect(result).resolves.toEqual({ rows: 3 });
    const executing = sink.forRun('r1').find((e) => e.type === 'tool_executing');
    const completed = sink.forRun('r1').find((e) => e.type === 'tool_completed');
    expect(executing).toMatchObject({
      type: 'tool_executing',
      payload: {
        status: 'executing',
        tool_name: 'sql',
        tool_call_id: 'r1:tool-1',
        parameters: { query: 'select 1', password: '[REDACTED]' },
      },
    });
    expect(completed).toMatchObject({
      type: 'tool_completed',
      payload: {
        status: 'completed',
        tool_name: 'sql',
        tool_call_id: 'r1:tool-1',
        result: { rows: 3 },
        execution_time_ms: 140,
        attempts: 2,
        fallback_used: false,
      },
    });
  });

  it('a failing tool still sends tool_completed (status failed) and rejects with the typed error', async () => {
    const { agent, sink, clock } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice' });
    const failed = run
      .tool('search', {}, () => Promise.reject(new TypeError('bad query')))
      .catch((e: unknown) => e);
    await clock.flush();
    expect(await failed).toMatchObject({ code: 'REL_NON_RETRYABLE' });
    expect(sink.forRun('r1').at(-1)).toMatchObject({
      type: 'tool_completed',
      payload: {
        status: 'failed',
        error_message: expect.stringContaining('bad query'),
        attempts: 1,
        fallback_used: false,
      },
    });
    run.fail(await failed);
    expect(sink.forRun('r1').at(-1)).toMatchObject({
      type: 'agent_error',
      payload: { status: 'error', error_code: 'REL_NON_RETRYABLE', error_kind: 'permanent' },
    });
  });

  it('a tool answered by its fallback completes with fallback_used and the fallback value', async () => {
    const { agent, sink, clock } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice' });
    const answer = run.tool('weather', {}, () => Promise.reject(reset()), { fallback: { sunny: true } });
    await clock.advance(100);
    await expect(answer).resolves.toEqual({ sunny: true });
    expect(sink.types('r1')).toContain('agent_fallback');
    expect(sink.forRun('r1').at(-1)).toMatchObject({
      payload: { status: 'completed', fallback_used: true, result: { sunny: true }, attempts: 2 },
    });
  });

  it('nothing follows the terminal event: later calls throw InvalidStateError', async () => {
    const { agent, sink } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice' });
    run.complete({ ok: true });
    expect(run.state).toBe('completed');
    expect(() => run.thinking('late')).toThrow(InvalidStateError);
    expect(() => run.progress('late')).toThrow(InvalidStateError);
    expect(() => run.complete()).toThrow(InvalidStateError);
    expect(() => run.fail(new Error('late'))).toThrow(InvalidStateError);
    await expect(run.tool('late', {}, () => 1)).rejects.toThrow(InvalidStateError);
    expect(sink.types('r1')).toEqual(['agent_started', 'agent_completed']);
  });

  it('a tool still in flight when the run ends finishes without tool_completed', async () => {
    const { agent, sink, clock, lines } = setup();
    const run = agent.startRun({ runId: 'r1', userId: 'alice' });
    const slow = run.tool(
      'slow',
      {},
      () => new Promise<string>((resolve) => clock.setTimeout(() => resolve('late'), 100)),
    );
    run.fail(new Error('user cancelled'));
    await clock.advance(100);
    await expect(slow).resolves.toBe('late');
    expect(sink.types('r1')).toEqual(['agent_started', 'tool_executing', 'agent_error']);
    expect(lines.some((l) => l.msg === 'a tool finished after its run ended; tool_completed not sent')).toBe(
      true,
    );
  });

  it('property: any interleaving of run calls puts agent_started first and nothing after the terminal event', async () => {
    type Step = 'thinking' | 'progress' | 'toolOk' | 'toolFail' | 'toolSlow' | 'complete' | 'fail' | 'tick';
    const step = fc.constantFrom<Step>(
      'thinking',
      'progress',
      'toolOk',
      'toolFail',
      'toolSlow',
      'complete',
      'fail',
      'tick',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const { agent, sink, clock } = setup();
        const run = agent.startRun({ runId: 'p', userId: 'u' });
        const pending: Promise<unknown>[] = [];
        for (const s of steps) {
          try {
            switch (s) {
              case 'thinking':
                run.thinking('hmm');
                break;
              case 'progress':
                run.progress('working', 10);
                break;
              case 'toolOk':
                pending.push(run.tool('ok', {}, () => 1).catch(() => undefined));
                break;
              case 'toolFail':
                pending.push(run.tool('bad', {}, () => Promise.reject(reset())).catch(() => undefined));
                break;
              case 'toolSlow':
                pending.push(
                  run
                    .tool('slow', {}, () => new Promise((resolve) => clock.setTimeout(() => resolve(1), 50)))
                    .catch(() => undefined),
                );
                break;
              case 'complete':
                run.complete();
                break;
              case 'fail':
                run.fail(new Error('x'));
                break;
              case 'tick':
                await clock.advance(30);
                break;
            }
          } catch (error) {
            // Only a call after the end may be refused.
            expect(error).toBeInstanceOf(InvalidStateError);
            expect(run.ended).toBe(true);
          }
        }
        await clock.advance(1_000);
        await Promise.all(pending);
        const types = sink.types('p');
        expect(types[0]).toBe('agent_started');
        expect(types.filter((t) => t === 'agent_started')).toHaveLength(1);
        const terminal = types.findIndex((t) => TERMINAL_EVENT_TYPES.has(t));
        if (run.ended) expect(terminal).toBe(types.length - 1);
        else expect(terminal).toBe(-1);
        // Every tool_completed follows its own tool_executing.
        const events = sink.forRun('p');
        for (const e of events.filter((x) => x.type === 'tool_completed')) {
          const id = (e.payload as { tool_call_id: string }).tool_call_id;
          const started = events.findIndex(
            (x) => x.type === 'tool_executing' && (x.payload as { tool_call_id: string }).tool_call_id === id,
          );
          expect(started).toBeGreaterThanOrEqual(0);
          expect(started).toBeLessThan(events.indexOf(e));
        }
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      }),
      { numRuns: 150 },
    );
  });
});

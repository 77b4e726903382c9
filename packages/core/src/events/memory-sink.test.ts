import { describe, expect, it } from 'vitest';
import type { AgentEvent } from './envelope.js';
import { MemoryEventSink } from './memory-sink.js';

const event = (seq: number, run: string, user = 'u'): AgentEvent => ({
  type: 'agent_thinking',
  run_id: run,
  user_id: user,
  agent_name: 'a',
  seq,
  timestamp: '2026-01-01T00:00:00.000Z',
  payload: { status: 'thinking', reasoning: 'x' },
});

describe('MemoryEventSink', () => {
  it('keeps events in order and filters them by run and user', () => {
    const sink = new MemoryEventSink();
    sink.send(event(1, 'r1', 'alice'));
    sink.send(event(1, 'r2', 'bob'));
    sink.send(event(2, 'r1', 'alice'));
    expect(sink.forRun('r1').map((e) => e.seq)).toEqual([1, 2]);
    expect(sink.forUser('bob').map((e) => e.run_id)).toEqual(['r2']);
    expect(sink.types()).toEqual(['agent_thinking', 'agent_thinking', 'agent_thinking']);
    sink.clear();
    expect(sink.events).toEqual([]);
  });

  it('is bounded: the oldest events go first, and are counted', () => {
    const sink = new MemoryEventSink({ maxEvents: 2, name: 'small' });
    for (let i = 1; i <= 5; i++) sink.send(event(i, 'r'));
    expect(sink.events.map((e) => e.seq)).toEqual([4, 5]);
    expect(sink.dropped).toBe(3);
    expect(sink.name).toBe('small');
  });
});

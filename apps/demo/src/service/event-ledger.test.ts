import type { AgentEvent } from '@rel/core';
import { describe, expect, it } from 'vitest';
import { EventLedger } from './event-ledger.js';

const event = (
  user: string,
  seq: number,
  run: string,
  type: AgentEvent['type'] = 'agent_thinking',
): AgentEvent =>
  ({
    type,
    run_id: run,
    user_id: user,
    agent_name: 'a',
    seq,
    timestamp: '',
    payload: {},
  }) as unknown as AgentEvent;

describe('EventLedger', () => {
  it('writes down every event per user: count, head seq, entries and runs', () => {
    const ledger = new EventLedger();
    ledger.send(event('alice', 1, 'r1', 'agent_started'));
    ledger.send(event('bob', 1, 'r2', 'agent_started'));
    ledger.send(event('alice', 2, 'r1'));
    expect(ledger.user('alice')).toMatchObject({ sent: 2, headSeq: 2, dropped: 0 });
    expect(ledger.user('alice').entries).toEqual([
      { seq: 1, type: 'agent_started', runId: 'r1' },
      { seq: 2, type: 'agent_thinking', runId: 'r1' },
    ]);
    expect([...ledger.user('bob').runIds]).toEqual(['r2']);
    expect(ledger.userIds()).toEqual(['alice', 'bob']);
    expect(ledger.user('carol')).toMatchObject({ sent: 0, headSeq: 0, entries: [] });
  });

  it('stays within maxEntries per user by dropping the oldest half, and says how many', () => {
    const ledger = new EventLedger(4);
    for (let seq = 1; seq <= 7; seq++) ledger.send(event('alice', seq, 'r'));
    const alice = ledger.user('alice');
    expect(alice.sent).toBe(7);
    expect(alice.dropped).toBe(4);
    expect(alice.entries.map((e) => e.seq)).toEqual([5, 6, 7]);
  });
});

import type { AgentEvent } from '@rel/core/client';
import { describe, expect, it } from 'vitest';
import { StreamSummary } from './stream-summary.js';
import { stylist } from './style.js';

const event = (type: AgentEvent['type'], payload: Record<string, unknown> = {}): AgentEvent =>
  ({
    type,
    run_id: 'r',
    user_id: 'alice',
    agent_name: 'a',
    seq: 1,
    timestamp: '',
    payload,
  }) as unknown as AgentEvent;

describe('StreamSummary', () => {
  it('sums retries, fallbacks and failed runs per user into one line per flush, and counts runs', () => {
    const summary = new StreamSummary(stylist(false));
    summary.add('alice', event('agent_started'));
    summary.add('alice', event('agent_thinking'));
    summary.add('alice', event('agent_retrying', { service: 'openai', reason: 'rate_limited' }));
    summary.add('alice', event('agent_retrying', { service: 'openai', reason: 'rate_limited' }));
    summary.add('alice', event('agent_retrying', { service: 'tools', reason: 'transient' }));
    summary.add('alice', event('agent_fallback', { service: 'openai', reason: 'circuit_open' }));
    summary.add('alice', event('agent_error', { error_kind: 'circuit_open' }));
    summary.add('bob', event('agent_started'));
    summary.add('bob', event('agent_completed'));
    expect(summary.flush('t')).toEqual([
      't alice  ↻ 3 retries (openai rate_limited 2, tools transient 1) · ⤷ 1 fallback (openai circuit_open 1) · ✗ 1 run failed (circuit_open 1)',
    ]);
    expect(summary.flush('t')).toEqual([]);
    expect(summary.runCounts('alice')).toEqual({ started: 1, completed: 0, failed: 1 });
    expect(summary.runCounts('bob')).toEqual({ started: 1, completed: 1, failed: 0 });
  });
});

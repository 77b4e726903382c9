import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { SECONDS_KEPT, UpstreamCounters } from './upstream-counters.js';

describe('UpstreamCounters', () => {
  it('counts per route, answer and calling service', () => {
    const counters = new UpstreamCounters(new FakeClock(0));
    counters.arrived('chat', 'openai');
    counters.arrived('tool', 'tools');
    counters.arrived('tool', undefined);
    counters.answered(200);
    counters.answered('reset');
    counters.answered(200);
    expect(counters.total).toBe(3);
    expect(counters.snapshot()).toMatchObject({
      received: 3,
      byRoute: { chat: 1, tool: 2 },
      byAnswer: { '200': 2, reset: 1 },
      byService: { openai: 1, tools: 1, '-': 1 },
    });
  });

  it('keeps requests per second for the last SECONDS_KEPT seconds only, in constant memory', async () => {
    const clock = new FakeClock(0);
    const counters = new UpstreamCounters(clock);
    counters.arrived('chat', 'a');
    counters.arrived('chat', 'a');
    await clock.advance(1_000);
    counters.arrived('chat', 'a');
    expect(counters.snapshot().perSecond).toEqual([
      { second: 0, requests: 2 },
      { second: 1, requests: 1 },
    ]);
    // A request SECONDS_KEPT seconds later reuses the first slot: the old second is gone.
    await clock.advance(SECONDS_KEPT * 1_000 - 1_000);
    counters.arrived('chat', 'a');
    expect(counters.snapshot().perSecond).toEqual([
      { second: 1, requests: 1 },
      { second: SECONDS_KEPT, requests: 1 },
    ]);
    expect(counters.snapshot().received).toBe(4);
  });
});

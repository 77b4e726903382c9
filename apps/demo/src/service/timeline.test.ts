import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline.js';

describe('Timeline', () => {
  it('samples per-interval differences of the running totals on the injected clock, bounded', async () => {
    const clock = new FakeClock(0);
    const totals = { calls: 0, retries: 0, upstream: 0 };
    const timeline = new Timeline(() => ({ ...totals }), { clock, intervalMs: 1_000, size: 2 });
    timeline.start();
    totals.calls = 5;
    totals.upstream = 6;
    await clock.advance(1_000);
    totals.calls = 7;
    totals.retries = 1;
    totals.upstream = 10;
    await clock.advance(1_000);
    expect(timeline.samples()).toEqual([
      { t: 1_000, calls: 5, retries: 0, upstream: 6 },
      { t: 2_000, calls: 2, retries: 1, upstream: 4 },
    ]);
    await clock.advance(1_000);
    expect(timeline.samples().map((s) => s.t)).toEqual([2_000, 3_000]);
    timeline.stop();
    expect(clock.pendingTimers()).toBe(0);
  });
});

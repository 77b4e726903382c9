import type { Clock } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { quick, reset, testManager } from '../../test/kit.js';

// A clock read costs 50-120 ns on a VM, a large share of a whole call, so the pipeline
// reads the clock only where it needs a new instant: when an attempt starts and when it
// ends. Breaker, health and the budget level get the engine's reading of that instant.

/** A fake clock that counts the readings taken through it. */
function countingClock(): { clock: Clock; fake: FakeClock; reads: () => number } {
  const fake = new FakeClock();
  let n = 0;
  const clock: Clock = {
    now: () => {
      n++;
      return fake.now();
    },
    setTimeout: (callback, ms) => fake.setTimeout(callback, ms),
    clearTimeout: (handle) => fake.clearTimeout(handle),
  };
  return { clock, fake, reads: () => n };
}

const profile = quick({
  retry: { maxAttempts: 1, attemptTimeoutMs: 10_000 },
  circuitBreaker: { failureThreshold: 5 },
});

describe('clock readings per call', () => {
  it('a success reads the clock twice: attempt start and end (breaker and health share them)', async () => {
    const { clock, reads } = countingClock();
    const { manager } = testManager({ clock });
    const api = manager.get('api', profile);
    await api.execute(() => Promise.resolve(1)); // warm: first-use allocations
    const before = reads();
    await api.execute(() => Promise.resolve(1));
    expect(reads() - before).toBe(2);
    expect(api.health.snapshot().window.successes).toBe(2);
  });

  it('a failed attempt adds no reading for health or the budget level', async () => {
    const { clock, reads } = countingClock();
    const { manager } = testManager({ clock });
    const api = manager.get('api', profile);
    const before = reads();
    await api.execute(() => Promise.reject(reset())).catch(() => undefined);
    // Attempt start, attempt end, and the call's end (its total time).
    expect(reads() - before).toBe(3);
    expect(api.health.snapshot()).toMatchObject({ window: { failures: 1 }, consecutiveFailures: 1 });
    expect(api.health.errors()).toHaveLength(1);
  });
});

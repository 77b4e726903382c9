import { FakeClock } from '@rel/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryBudgetStore } from '../budget/budget-store.js';
import type { AttemptGate } from '../admission.js';
import type { RetryEvent } from './events.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const make = (config: ConstructorParameters<typeof UnifiedRetryHandler>[1] = {}, gate?: AttemptGate) => {
  const clock = new FakeClock();
  const handler = new UnifiedRetryHandler(
    'svc',
    { jitter: 'none', baseDelayMs: 100, ...config },
    { clock, budget: new InMemoryBudgetStore(), ...(gate ? { gate } : {}) },
  );
  return { clock, handler };
};
/** Fails `failures` times, then resolves `value`. */
const flaky = (failures: number, value: string) => {
  let n = 0;
  return () => (++n <= failures ? Promise.reject(reset()) : Promise.resolve(value));
};

describe('UnifiedRetryHandler: per-call onRetry', () => {
  afterEach(() => vi.restoreAllMocks());

  it("reaches only the call that retries, with the handler event's payload", async () => {
    const { handler, clock } = make({ maxAttempts: 3 });
    const a: RetryEvent[] = [];
    const b: RetryEvent[] = [];
    const all: RetryEvent[] = [];
    handler.onRetry((e) => all.push(e));
    const first = handler.execute(flaky(2, 'a'), { operation: 'a', onRetry: (e) => a.push(e) });
    const second = handler.execute(flaky(0, 'b'), { operation: 'b', onRetry: (e) => b.push(e) });
    await clock.runAll();
    await expect(first).resolves.toBe('a');
    await expect(second).resolves.toBe('b');
    expect(a.map((e) => [e.attempt, e.delayMs, e.kind, e.operation])).toEqual([
      [1, 100, 'transient', 'a'],
      [2, 200, 'transient', 'a'],
    ]);
    expect(b).toEqual([]);
    // The same objects the handler-wide listeners saw.
    expect(all).toEqual(a);
    expect(all[0]).toBe(a[0]);
  });

  it('works on the non-throwing path and without handler listeners', async () => {
    const { handler, clock } = make({ maxAttempts: 2 });
    const seen: number[] = [];
    const done = handler.executeWithRetry(flaky(5, 'x'), { onRetry: (e) => seen.push(e.attempt) });
    await clock.runAll();
    const result = await done;
    expect(result.success).toBe(false);
    expect(result.attempts).toHaveLength(2);
    expect(seen).toEqual([1]);
  });

  it('reports a wait for an open circuit (kind circuit_open, attempt 0 before the first attempt)', async () => {
    const clock = new FakeClock();
    let open = true;
    const gate: AttemptGate = {
      name: 'breaker',
      get state() {
        return open ? 'open' : 'closed';
      },
      tryAcquire: () => (open ? -1 : 0),
      retryAfterMs: () => (open ? 500 : 0),
      release: () => undefined,
    };
    const handler = new UnifiedRetryHandler(
      'svc',
      { jitter: 'none', waitForOpenCircuit: true, totalTimeoutMs: 10_000 },
      { clock, gate, budget: new InMemoryBudgetStore() },
    );
    const seen: RetryEvent[] = [];
    const done = handler.execute(() => 'ok', { onRetry: (e) => seen.push(e) });
    expect(seen.map((e) => [e.attempt, e.kind, e.delayMs])).toEqual([[0, 'circuit_open', 500]]);
    open = false;
    await clock.runAll();
    await expect(done).resolves.toBe('ok');
  });

  it('isolates a listener that throws: the call goes on, a process warning reports it', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { handler, clock } = make({ maxAttempts: 2 });
    const done = handler.execute(flaky(1, 'ok'), {
      onRetry: () => {
        throw new Error('listener bug');
      },
    });
    await clock.runAll();
    await expect(done).resolves.toBe('ok');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('listener bug'), {
      code: 'REL_LISTENER_ERROR',
    });
  });

  it('rejects a non-function with a typed error naming the field', async () => {
    const { handler } = make();
    await expect(
      handler.execute(() => 1, { onRetry: 'nope' as unknown as () => void }),
    ).rejects.toMatchObject({ code: 'REL_CONFIG_INVALID', message: expect.stringContaining('onRetry') });
  });
});

import { BudgetExhaustedError, EventEmitter } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryBudgetStore } from '../budget/budget-store.js';
import type { GiveUpEvent, RetryEvent } from './events.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const make = (
  config: ConstructorParameters<typeof UnifiedRetryHandler>[1] = {},
  clock = new FakeClock(),
) => ({
  clock,
  handler: new UnifiedRetryHandler(
    'svc',
    { jitter: 'none', ...config },
    { clock, budget: new InMemoryBudgetStore() },
  ),
});
/** An operation failing `failures` times with `error()`, then returning `value`; counts calls. */
const flaky = <T>(failures: number, value: T, error: () => Error = reset) => {
  const calls: number[] = [];
  const op = vi.fn(() => {
    calls.push(calls.length + 1);
    if (calls.length <= failures) return Promise.reject(error());
    return Promise.resolve(value);
  });
  return { op, calls };
};

describe('UnifiedRetryHandler: events', () => {
  it('emits onFailure per failed attempt, onRetry before each wait, onSuccess once', async () => {
    const { handler, clock } = make({ maxAttempts: 3, baseDelayMs: 100 });
    const seen: string[] = [];
    const retries: RetryEvent[] = [];
    handler.onFailure((e) => seen.push(`failure ${e.attempt} ${e.kind}`));
    handler.onRetry((e) => {
      retries.push(e);
      seen.push(`retry ${e.attempt} ${e.delayMs}`);
    });
    handler.onSuccess((e) => seen.push(`success after ${e.attempts}`));
    handler.onGiveUp(() => seen.push('give up'));
    const { op } = flaky(2, 'ok');
    const done = handler.execute(op, { operation: 'fetch-user' });
    await clock.runAll();
    await done;
    expect(seen).toEqual([
      'failure 1 transient',
      'retry 1 100',
      'failure 2 transient',
      'retry 2 200',
      'success after 3',
    ]);
    expect(retries[0]).toMatchObject({ service: 'svc', operation: 'fetch-user', kind: 'transient' });
    expect(retries[0]!.error).toBeInstanceOf(Error);
  });

  it('emits onGiveUp once with the typed error, outcome and attempts', async () => {
    const store = new InMemoryBudgetStore();
    const clock = new FakeClock();
    const handler = new UnifiedRetryHandler(
      'svc',
      { maxAttempts: 5, baseDelayMs: 10, budget: { ratio: 0, minRetriesPerSecond: 0 } },
      { clock, budget: store },
    );
    const events: GiveUpEvent[] = [];
    handler.onGiveUp((e) => events.push(e));
    const r = await handler.executeWithRetry(() => Promise.reject(reset()));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'budget_exhausted', totalTimeMs: 0 });
    expect(events[0]!.error).toBeInstanceOf(BudgetExhaustedError);
    expect(events[0]!.attempts).toBe(!r.success && r.attempts);
  });

  it('does no event work without listeners, and a throwing listener does not break the call', async () => {
    const { handler, clock } = make({ maxAttempts: 2, baseDelayMs: 1 });
    const emit = vi.spyOn(EventEmitter.prototype, 'emit');
    const done = handler.execute(flaky(1, 'ok').op);
    await clock.runAll();
    await expect(done).resolves.toBe('ok');
    expect(emit).not.toHaveBeenCalled();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    handler.onRetry(() => {
      throw new Error('listener bug');
    });
    const again = handler.execute(flaky(1, 'still ok').op);
    await clock.runAll();
    await expect(again).resolves.toBe('still ok');
    expect(emit).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
  });
});

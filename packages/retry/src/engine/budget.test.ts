import { BudgetExhaustedError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryBudgetStore } from '../budget/budget-store.js';
import { TokenBucketBudget } from '../budget/token-bucket.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

const T0 = 1_700_000_000_000;
const reset = (): Promise<never> => Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));

describe('retry budget in the handler', () => {
  it('a refusal ends the call with BudgetExhaustedError, cause = the failure it would have retried', async () => {
    const clock = new FakeClock(T0);
    const budget = new TokenBucketBudget('db', { ratio: 0, minRetriesPerSecond: 1, ttlMs: 10_000 });
    const handler = new UnifiedRetryHandler(
      'db',
      { jitter: 'none', baseDelayMs: 10, maxAttempts: 5 },
      { clock, budget },
    );
    const failures: Error[] = [];
    const op = vi.fn(() => {
      const e = Object.assign(new Error(`reset ${failures.length + 1}`), { code: 'ECONNRESET' });
      failures.push(e);
      return Promise.reject(e);
    });
    const done = handler.executeWithRetry(op);
    await clock.runAll();
    const r = await done;
    expect(op).toHaveBeenCalledTimes(2); // one retry from the floor, then refused
    expect(r).toMatchObject({ success: false, outcome: 'budget_exhausted' });
    expect(!r.success && r.error).toBeInstanceOf(BudgetExhaustedError);
    expect(!r.success && r.error.cause).toBe(failures[1]);
    expect(!r.success && r.error.message).toMatch(/retry budget "db" is exhausted/);
    expect(handler.budgetLevel()).toBeCloseTo(0.01, 9); // the floor refilled 10 ms worth at 1/s
  });

  it('is shared by every handler of the same key (config.budget.key)', async () => {
    const clock = new FakeClock(T0);
    const store = new InMemoryBudgetStore();
    const config = {
      jitter: 'none' as const,
      baseDelayMs: 1,
      budget: { key: 'postgres', ratio: 0, minRetriesPerSecond: 2 },
    };
    const reads = new UnifiedRetryHandler('reads', config, { clock, budget: store });
    const writes = new UnifiedRetryHandler('writes', config, { clock, budget: store });
    expect(reads.budget).toBe(writes.budget);
    const a = reads.executeWithRetry(reset);
    await clock.runAll();
    await a;
    expect(writes.budgetLevel()).toBeLessThan(1); // reads spent both floor tokens
    const b = await writes.executeWithRetry(reset);
    expect(b).toMatchObject({ outcome: 'budget_exhausted' });
    expect(b.attempts).toHaveLength(1);
  });

  it('first attempts deposit: enough traffic pays for a retry', async () => {
    const clock = new FakeClock(T0);
    const budget = new TokenBucketBudget('api', { ratio: 0.5, minRetriesPerSecond: 0, ttlMs: 10_000 });
    const handler = new UnifiedRetryHandler('api', { jitter: 'none', baseDelayMs: 1 }, { clock, budget });
    await handler.execute(() => 1);
    expect(handler.budgetLevel()).toBe(0.5);
    await handler.execute(() => 2);
    let n = 0;
    const done = handler.execute(() => (n++ === 0 ? reset() : Promise.resolve('ok')));
    await clock.runAll();
    await expect(done).resolves.toBe('ok');
    expect(handler.budgetLevel()).toBe(0.5); // 1.5 deposited, 1 spent
  });

  it('budget: false turns it off', () => {
    const handler = new UnifiedRetryHandler('x', { budget: false });
    expect(handler.budget).toBeUndefined();
    expect(handler.budgetLevel()).toBeUndefined();
  });

  it('the default store shares one budget per key across handlers', () => {
    const a = new UnifiedRetryHandler('shared-default-key-test', {});
    const b = new UnifiedRetryHandler('shared-default-key-test', {});
    expect(a.budget).toBeDefined();
    expect(a.budget).toBe(b.budget);
  });
});

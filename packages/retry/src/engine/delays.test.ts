import { type Backoff, type JitterKind, type RetryConfigInput } from '@rel/config';
import { FakeClock, seededRandom, sequenceRandom } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffSchedule, createBackoff } from '../backoff/create-backoff.js';
import { InMemoryBudgetStore } from '../budget/budget-store.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

const T0 = 1_700_000_000_000;

/**
 * Runs a call whose operation always fails (retryably) under a fake clock, and returns the
 * waits actually observed between attempt starts, in clock milliseconds.
 */
async function observedWaits(config: RetryConfigInput, random = sequenceRandom([0.5])): Promise<number[]> {
  const clock = new FakeClock(T0);
  const handler = new UnifiedRetryHandler('delays', { budget: false, ...config }, { clock, random });
  const starts: number[] = [];
  const done = handler.executeWithRetry(() => {
    starts.push(clock.now());
    return Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
  });
  await clock.runAll();
  const r = await done;
  expect(r.attempts).toHaveLength(config.maxAttempts ?? 3);
  expect(clock.pendingTimers()).toBe(0);
  return starts.slice(1).map((t, i) => t - starts[i]!);
}

const seconds = (...xs: number[]): number[] => xs.map((x) => x * 1000);

describe('exact delays on a fake clock, every strategy (base 1 s)', () => {
  const base = { baseDelayMs: 1_000, maxDelayMs: 10_000, jitter: 'none' as JitterKind, maxAttempts: 7 };

  it('exponential x2: 1, 2, 4, 8, then capped at 10 s', async () => {
    expect(await observedWaits({ ...base, backoff: 'exponential', multiplier: 2 })).toEqual(
      seconds(1, 2, 4, 8, 10, 10),
    );
  });

  it('fixed: 1 s every time', async () => {
    expect(await observedWaits({ ...base, backoff: 'fixed' })).toEqual(seconds(1, 1, 1, 1, 1, 1));
  });

  it('linear: 1, 2, 3 ... s', async () => {
    expect(await observedWaits({ ...base, backoff: 'linear' })).toEqual(seconds(1, 2, 3, 4, 5, 6));
  });

  it('fibonacci: 1, 1, 2, 3, 5, 8 s', async () => {
    expect(await observedWaits({ ...base, backoff: 'fibonacci' })).toEqual(seconds(1, 1, 2, 3, 5, 8));
  });

  it('decorrelated: U(base, 3 * prev) with prev starting at base, capped', async () => {
    // U = 0.5 each time: 1000 + 0.5 * (3000 - 1000) = 2000, then 1000 + 0.5 * (6000 - 1000) = 3500 ...
    expect(await observedWaits({ ...base, backoff: 'decorrelated' })).toEqual([
      2_000, 3_500, 5_750, 9_125, 10_000, 10_000,
    ]);
  });

  it('custom: the function decides, the cap still applies', async () => {
    const custom: Backoff = { kind: 'custom', delay: ({ attempt }) => attempt * 3_000 };
    expect(await observedWaits({ ...base, maxAttempts: 5, backoff: custom })).toEqual(seconds(3, 6, 9, 10));
  });

  it('full, equal and proportional jitter with a fixed random value', async () => {
    const expo = { ...base, maxAttempts: 4, backoff: 'exponential' as const };
    expect(await observedWaits({ ...expo, jitter: 'full' }, sequenceRandom([0.25]))).toEqual([
      250, 500, 1_000,
    ]);
    expect(await observedWaits({ ...expo, jitter: 'equal' }, sequenceRandom([0]))).toEqual([
      500, 1_000, 2_000,
    ]);
    expect(
      await observedWaits({ ...expo, jitter: 'proportional', jitterRange: 0.1 }, sequenceRandom([0])),
    ).toEqual([900, 1_800, 3_600]);
  });
});

describe('the handler waits exactly what the pure backoff says (property)', () => {
  it('for any strategy, jitter and seed, observed waits = ceil(backoffSchedule)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('fixed', 'linear', 'exponential', 'fibonacci', 'decorrelated' as const),
        fc.constantFrom<JitterKind>('none', 'full', 'equal', 'proportional'),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer(),
        async (backoff, jitter, baseDelayMs, maxAttempts, seed) => {
          const config = {
            backoff,
            jitter,
            baseDelayMs,
            maxDelayMs: baseDelayMs * 20,
            multiplier: 2,
            jitterRange: 0.2,
          };
          const expected = backoffSchedule(createBackoff(config), maxAttempts - 1, seededRandom(seed)).map(
            Math.ceil,
          );
          expect(await observedWaits({ ...config, maxAttempts }, seededRandom(seed))).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the default store is not shared by accident in these tests', () => {
  it('an explicit store isolates budgets', () => {
    const store = new InMemoryBudgetStore();
    const a = new UnifiedRetryHandler('same', {}, { budget: store });
    const b = new UnifiedRetryHandler('same', {}, { budget: store });
    const c = new UnifiedRetryHandler('same', {}, { budget: new InMemoryBudgetStore() });
    expect(a.budget).toBe(b.budget);
    expect(c.budget).not.toBe(a.budget);
  });
});

import { DeadlineExceededError, RetryExhaustedError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

const T0 = 1_700_000_000_250; // not on a whole second, so HTTP-dates round
const rateLimited = (headers: Record<string, string>): Error =>
  Object.assign(new Error('Too Many Requests'), { status: 429, headers });

function setup(config: ConstructorParameters<typeof UnifiedRetryHandler>[1] = {}) {
  const clock = new FakeClock(T0);
  const handler = new UnifiedRetryHandler(
    'api',
    { baseDelayMs: 100, jitter: 'none', budget: false, ...config },
    { clock },
  );
  const starts: number[] = [];
  return { clock, handler, starts };
}

describe('Retry-After: a retry never starts before the hint', () => {
  it('delta-seconds: the next attempt starts exactly at the hint, not at the shorter backoff', async () => {
    const { clock, handler, starts } = setup();
    const done = handler.executeWithRetry(() => {
      starts.push(clock.now());
      return starts.length === 1
        ? Promise.reject(rateLimited({ 'retry-after': '3' }))
        : Promise.resolve('ok');
    });
    await clock.advance(2_999);
    expect(starts).toHaveLength(1);
    await clock.advance(1);
    expect(starts).toHaveLength(2);
    const r = await done;
    expect(r.success).toBe(true);
    expect(r.attempts[0]).toMatchObject({
      outcome: 'rate_limited',
      retryAfterMs: 3_000,
      delayAfterMs: 3_000,
    });
  });

  it('HTTP-date: the next attempt starts at or after the date (never early)', async () => {
    const { clock, handler, starts } = setup();
    const date = new Date(T0 + 5_000).toUTCString(); // second resolution: T0 + 4750 ms
    const at = Date.parse(date);
    const done = handler.execute(() => {
      starts.push(clock.now());
      return starts.length === 1
        ? Promise.reject(rateLimited({ 'Retry-After': date }))
        : Promise.resolve('ok');
    });
    await clock.runAll();
    await expect(done).resolves.toBe('ok');
    expect(starts[1]).toBeGreaterThanOrEqual(at);
    expect(starts[1]! - at).toBeLessThan(1); // and not needlessly late
  });

  it('a longer backoff still wins over a shorter hint', async () => {
    const { clock, handler, starts } = setup({ baseDelayMs: 5_000 });
    const done = handler.execute(() => {
      starts.push(clock.now());
      return starts.length === 1 ? Promise.reject(rateLimited({ 'retry-after': '1' })) : Promise.resolve(1);
    });
    await clock.runAll();
    await done;
    expect(starts[1]! - starts[0]!).toBe(5_000);
  });

  it('for any hint and backoff, the wait is max(hint, backoff) (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 200_000 }),
        async (hintS, baseMs) => {
          const { clock, handler, starts } = setup({
            baseDelayMs: baseMs,
            maxDelayMs: 200_000,
            maxRetryAfterMs: 600_000,
          });
          const done = handler.execute(() => {
            starts.push(clock.now());
            return starts.length === 1
              ? Promise.reject(rateLimited({ 'retry-after': String(hintS) }))
              : Promise.resolve(1);
          });
          await clock.runAll();
          await done;
          expect(starts[1]! - starts[0]!).toBe(Math.max(hintS * 1000, baseMs));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('ignores hints when respectRetryAfter is false', async () => {
    const { clock, handler, starts } = setup({ respectRetryAfter: false });
    const done = handler.execute(() => {
      starts.push(clock.now());
      return starts.length === 1 ? Promise.reject(rateLimited({ 'retry-after': '30' })) : Promise.resolve(1);
    });
    await clock.runAll();
    await done;
    expect(starts[1]! - starts[0]!).toBe(100);
  });
});

describe('Retry-After: hints that cannot be honoured fail fast', () => {
  it('a hint above maxRetryAfterMs ends the call at once with RetryExhaustedError', async () => {
    const { clock, handler } = setup({ maxRetryAfterMs: 60_000 });
    const r = await handler.executeWithRetry(() => Promise.reject(rateLimited({ 'retry-after': '300' })));
    expect(r.success).toBe(false);
    expect(!r.success && r.error).toBeInstanceOf(RetryExhaustedError);
    expect(!r.success && r.error.message).toMatch(
      /asked to wait 300000 ms .* more than maxRetryAfterMs \(60000 ms\)/,
    );
    expect(r).toMatchObject({ outcome: 'rate_limited', totalTimeMs: 0 });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a hint beyond the deadline fails fast with DeadlineExceededError that says so', async () => {
    const { clock, handler } = setup({ totalTimeoutMs: 10_000 });
    const done = handler.execute(() => Promise.reject(rateLimited({ 'retry-after': '20' })));
    const error = (await done.catch((e: unknown) => e)) as DeadlineExceededError;
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error.message).toMatch(/Retry-After hint of 20000 ms lands beyond the 10000 ms deadline/);
    expect(error.refusedDelayMs).toBe(20_000);
    expect(error.deadlineMs).toBe(10_000);
    expect(error.attempts).toHaveLength(1);
    expect(clock.now()).toBe(T0); // failed at once, did not sleep until the deadline
  });
});

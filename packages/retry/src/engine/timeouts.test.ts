import { AttemptTimeoutError, DeadlineExceededError, RetryExhaustedError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { UnifiedRetryHandler } from './unified-retry-handler.js';
import type { AttemptContext } from './types.js';

const T0 = 1_700_000_000_000;
const never = (): Promise<never> => new Promise<never>(() => undefined);
const reset = (): Promise<never> => Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));

function setup(config: ConstructorParameters<typeof UnifiedRetryHandler>[1] = {}) {
  const clock = new FakeClock(T0);
  const handler = new UnifiedRetryHandler('svc', { jitter: 'none', budget: false, ...config }, { clock });
  return { clock, handler };
}

describe('overall deadline', () => {
  it('does not start a wait that would overrun it: fails fast with every attempt', async () => {
    const { clock, handler } = setup({ baseDelayMs: 1_000, maxAttempts: 5, totalTimeoutMs: 2_500 });
    const op = vi.fn(reset);
    const done = handler.execute(op).catch((e: unknown) => e);
    await clock.advance(1_000); // attempt 2 at +1000; the next wait (2000) would end at +3000 > 2500
    const error = (await done) as DeadlineExceededError;
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(op).toHaveBeenCalledTimes(2);
    expect(error.attempts).toHaveLength(2);
    expect(error.refusedDelayMs).toBe(2_000);
    expect(error.message).toMatch(
      /waiting 2000 ms before attempt 3 would overrun the 2500 ms deadline \(1500 ms left\)/,
    );
    expect(clock.now()).toBe(T0 + 1_000); // it did not sleep until the deadline
    expect(clock.pendingTimers()).toBe(0);
  });

  it('cuts an attempt that is still running when the deadline passes', async () => {
    const { clock, handler } = setup({ totalTimeoutMs: 3_000 });
    const done = handler.executeWithRetry(never);
    await clock.advance(3_000);
    const r = await done;
    expect(r).toMatchObject({ success: false, outcome: 'deadline_exceeded', totalTimeMs: 3_000 });
    expect(!r.success && r.error.message).toMatch(/3000 ms deadline passed during attempt 1/);
    expect(r.attempts[0]).toMatchObject({ outcome: 'deadline_exceeded', durationMs: 3_000 });
  });

  it('hands the deadline to the operation and a per-call override wins', async () => {
    const { clock, handler } = setup({ totalTimeoutMs: 60_000 });
    const seen: number[] = [];
    await handler.execute((ctx) => seen.push(ctx.deadline), { totalTimeoutMs: 5_000 });
    await handler.execute((ctx) => seen.push(ctx.deadline));
    const { handler: unbounded } = setup();
    await unbounded.execute((ctx) => seen.push(ctx.deadline));
    expect(seen).toEqual([T0 + 5_000, T0 + 60_000, Infinity]);
    expect(clock.now()).toBe(T0);
  });
});

describe('attempt timeout', () => {
  it('aggressive: stops waiting at the timeout, aborts the signal, and retries', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 1_000, baseDelayMs: 500, maxAttempts: 2 });
    const signals: AbortSignal[] = [];
    const done = handler.executeWithRetry((ctx) => {
      signals.push(ctx.signal);
      return never();
    });
    await clock.advance(1_000);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(AttemptTimeoutError);
    await clock.advance(500 + 1_000);
    const r = await done;
    expect(r).toMatchObject({ success: false, outcome: 'timeout', totalTimeMs: 2_500 });
    expect(!r.success && r.error).toBeInstanceOf(RetryExhaustedError);
    expect(r.attempts.map((a) => [a.outcome, a.durationMs])).toEqual([
      ['timeout', 1_000],
      ['timeout', 1_000],
    ]);
  });

  it('cooperative: aborts the signal and waits for the operation to settle', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 1_000, timeoutMode: 'cooperative', maxAttempts: 1 });
    let settleLate: (() => void) | undefined;
    const done = handler.executeWithRetry(
      (ctx: AttemptContext) =>
        new Promise((_resolve, reject) => {
          // Stops 200 ms after being asked to, as real I/O might.
          ctx.signal.addEventListener('abort', () => {
            settleLate = () => reject(ctx.signal.reason as Error);
          });
        }),
    );
    await clock.advance(1_000);
    let finished = false;
    void done.then(() => (finished = true));
    await clock.flush();
    expect(finished).toBe(false); // still waiting for the operation
    settleLate!();
    const r = await done;
    expect(r).toMatchObject({ success: false, outcome: 'timeout' });
    expect(r.attempts[0]!.error).toBeInstanceOf(AttemptTimeoutError);
  });

  it('cooperative: a late success after the timeout is still a success', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 100, timeoutMode: 'cooperative' });
    const done = handler.execute(
      () => new Promise((resolve) => clock.setTimeout(() => resolve('late'), 150)),
    );
    await clock.advance(150);
    await expect(done).resolves.toBe('late');
  });

  it('creates no AbortController unless the operation reads signal, and never aborts on success', async () => {
    const { handler } = setup({ attemptTimeoutMs: 1_000 });
    const abort = vi.spyOn(AbortController.prototype, 'abort');
    let created = 0;
    vi.stubGlobal(
      'AbortController',
      class extends AbortController {
        constructor() {
          super();
          created++;
        }
      },
    );
    try {
      await handler.execute(() => 1);
      await handler.execute(() => Promise.resolve(2));
      expect(created).toBe(0);
      await handler.execute((ctx) => ctx.signal.aborted);
      expect(created).toBe(1);
      expect(abort).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('many concurrent calls share ONE timer; completions do not touch it', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 1_000 });
    const resolvers: Array<(v: number) => void> = [];
    const calls = Array.from({ length: 100 }, () =>
      handler.execute(() => new Promise<number>((resolve) => resolvers.push(resolve))),
    );
    expect(clock.pendingTimers()).toBe(1);
    resolvers.forEach((resolve, i) => resolve(i));
    expect(await Promise.all(calls)).toHaveLength(100);
    expect(clock.pendingTimers()).toBe(1); // the lazy timer stays until its time...
    await clock.advance(1_000);
    expect(clock.pendingTimers()).toBe(0); // ...then finds nothing due and disarms
  });

  it('a shorter per-call timeout is honoured among longer ones', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 5_000, maxAttempts: 1 });
    const long = handler.executeWithRetry(never);
    const short = handler.executeWithRetry(never, { attemptTimeoutMs: 200 });
    await clock.advance(200);
    expect(await short).toMatchObject({ outcome: 'timeout', totalTimeMs: 200 });
    await clock.advance(4_800);
    expect(await long).toMatchObject({ outcome: 'timeout', totalTimeMs: 5_000 });
  });
});

describe('execute() with a time limit (the one-object first attempt) hands over correctly', () => {
  it('aggressive: a first attempt that times out is retried, and the retry succeeds', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 1_000, baseDelayMs: 200, maxAttempts: 2 });
    let n = 0;
    const signals: AbortSignal[] = [];
    const done = handler.execute((ctx) => {
      signals.push(ctx.signal);
      return n++ === 0 ? never() : Promise.resolve('second');
    });
    await clock.advance(1_000 + 200);
    await expect(done).resolves.toBe('second');
    expect(signals[0]!.reason).toBeInstanceOf(AttemptTimeoutError);
    expect(signals[1]!.aborted).toBe(false);
    expect(clock.pendingTimers()).toBe(1); // only the lazy watchdog, unref'd
  });

  it('cooperative: the operation’s own rejection after the abort counts as the timeout', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 500, timeoutMode: 'cooperative', maxAttempts: 1 });
    const done = handler
      .execute(
        (ctx) =>
          new Promise<never>((_resolve, reject) =>
            ctx.signal.addEventListener('abort', () => reject(new Error('aborted by signal'))),
          ),
      )
      .catch((e: unknown) => e);
    await clock.advance(500);
    const error = (await done) as RetryExhaustedError;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error.attempts).toEqual([expect.objectContaining({ outcome: 'timeout', durationMs: 500 })]);
    expect(error.attempts[0]!.error).toBeInstanceOf(AttemptTimeoutError);
  });

  it('a plain failure under a time limit is retried with exact records', async () => {
    const { clock, handler } = setup({ attemptTimeoutMs: 1_000, totalTimeoutMs: 10_000, baseDelayMs: 300 });
    const done = handler.execute(() => reset()).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await done) as RetryExhaustedError;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error.attempts.map((a) => [a.attempt, a.outcome, a.delayAfterMs])).toEqual([
      [1, 'transient', 300],
      [2, 'transient', 600],
      [3, 'transient', undefined],
    ]);
    expect(error.totalTimeMs).toBe(900);
  });

  it('a deadline-only call cut during its first attempt ends with DeadlineExceededError', async () => {
    const { clock, handler } = setup({ totalTimeoutMs: 2_000 });
    const done = handler.execute(never).catch((e: unknown) => e);
    await clock.advance(2_000);
    const error = (await done) as DeadlineExceededError;
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error.attempts).toEqual([
      expect.objectContaining({ outcome: 'deadline_exceeded', durationMs: 2_000 }),
    ]);
    expect(clock.pendingTimers()).toBe(0);
  });
});

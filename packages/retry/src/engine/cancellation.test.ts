import { CancelledError, type OutcomeKind } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptGate } from '../admission.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';
import type { AttemptContext } from './types.js';

const T0 = 1_700_000_000_000;

function recordingGate(): AttemptGate & { releases: Array<[number, OutcomeKind]> } {
  let next = 0;
  const releases: Array<[number, OutcomeKind]> = [];
  return {
    name: 'gate',
    state: 'closed',
    releases,
    tryAcquire: () => next++,
    retryAfterMs: () => 0,
    release: (token, kind) => void releases.push([token, kind]),
  };
}

function setup(config: ConstructorParameters<typeof UnifiedRetryHandler>[1] = {}) {
  const clock = new FakeClock(T0);
  const gate = recordingGate();
  const handler = new UnifiedRetryHandler(
    'svc',
    { jitter: 'none', budget: false, ...config },
    { clock, gate },
  );
  return { clock, gate, handler };
}

/** Settles within the current turn of microtasks, without moving the clock? */
async function settledWithinOneTick(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await Promise.resolve();
  await Promise.resolve();
  return settled;
}

describe('cancellation through the caller’s signal', () => {
  it('during an attempt: returns within one tick, aborts the attempt, leaves no timer, counts no failure', async () => {
    const { clock, gate, handler } = setup({ attemptTimeoutMs: 10_000, totalTimeoutMs: 60_000 });
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const done = handler.executeWithRetry(
      (ctx: AttemptContext) => {
        seen = ctx.signal;
        return new Promise<never>(() => undefined);
      },
      { signal: controller.signal },
    );
    await clock.advance(50);
    controller.abort(new Error('user left'));
    expect(await settledWithinOneTick(done)).toBe(true);
    const r = await done;
    expect(r).toMatchObject({ success: false, outcome: 'cancelled', totalTimeMs: 50 });
    expect(!r.success && r.error).toBeInstanceOf(CancelledError);
    expect(!r.success && (r.error.cause as Error).message).toBe('user left');
    expect(r.attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'cancelled', durationMs: 50 }),
    ]);
    expect(seen!.aborted).toBe(true);
    expect(gate.releases).toEqual([[0, 'cancelled']]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('during a backoff sleep: returns within one tick with no timer left behind', async () => {
    const { clock, handler } = setup({ baseDelayMs: 30_000 });
    const controller = new AbortController();
    const op = vi.fn(() => Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' })));
    const done = handler.execute(op, { signal: controller.signal });
    await clock.flush();
    expect(clock.pendingTimers()).toBe(1); // the sleep
    controller.abort();
    expect(await settledWithinOneTick(done)).toBe(true);
    const error = (await done.catch((e: unknown) => e)) as CancelledError;
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toMatch(/during the wait before attempt 2/);
    expect(error.attempts).toHaveLength(1);
    expect(op).toHaveBeenCalledTimes(1);
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.now()).toBe(T0);
  });

  it('an already aborted signal: no attempt at all', async () => {
    const { handler, gate } = setup();
    const op = vi.fn(() => 1);
    const r = await handler.executeWithRetry(op, { signal: AbortSignal.abort() });
    expect(r).toMatchObject({ success: false, outcome: 'cancelled', attempts: [] });
    expect(op).not.toHaveBeenCalled();
    expect(gate.releases).toEqual([]);
  });

  it('a signal read after cancellation is already aborted; the listener is removed afterwards', async () => {
    const { handler } = setup();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    let ctx: AttemptContext | undefined;
    const done = handler.executeWithRetry(
      (c) => {
        ctx = c;
        return new Promise<never>(() => undefined);
      },
      { signal: controller.signal },
    );
    controller.abort('stop');
    await done;
    expect(ctx!.signal.aborted).toBe(true);
    expect(ctx!.signal.reason).toBe('stop');
    expect(remove).toHaveBeenCalledOnce();
  });

  it('a late settlement of a cancelled attempt is ignored', async () => {
    const { handler, gate } = setup();
    const controller = new AbortController();
    let resolve: ((v: number) => void) | undefined;
    const done = handler.execute(() => new Promise<number>((r) => (resolve = r)), {
      signal: controller.signal,
    });
    controller.abort();
    resolve!(5);
    await expect(done).rejects.toBeInstanceOf(CancelledError);
    expect(gate.releases).toEqual([[0, 'cancelled']]);
  });
});

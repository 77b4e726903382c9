import { CircuitOpenError, type OutcomeKind } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptGate } from '../admission.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

const T0 = 1_700_000_000_000;
const reset = (): Promise<never> => Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));

/** A scripted gate: `admit(n)` decides the n-th tryAcquire (1-based); records every release. */
function scriptedGate(admit: (n: number) => boolean, retryAfterMs = 5_000, state = 'closed') {
  let calls = 0;
  const gate = {
    name: 'breaker',
    state,
    acquired: 0,
    releases: [] as Array<[number, OutcomeKind]>,
    tryAcquire: vi.fn(() => {
      calls++;
      if (!admit(calls)) return -1;
      return gate.acquired++;
    }),
    retryAfterMs: () => retryAfterMs,
    release: (token: number, kind: OutcomeKind) => void gate.releases.push([token, kind]),
  };
  return gate;
}

function setup(gate: AttemptGate, config: ConstructorParameters<typeof UnifiedRetryHandler>[1] = {}) {
  const clock = new FakeClock(T0);
  const handler = new UnifiedRetryHandler(
    'svc',
    { jitter: 'none', baseDelayMs: 100, maxAttempts: 5, budget: false, ...config },
    { clock, gate },
  );
  return { clock, handler };
}

describe('the admission gate is checked before every attempt', () => {
  it('a gate that flips to -1 after attempt 2 stops the loop with exactly 2 attempts', async () => {
    const gate = scriptedGate((n) => n <= 2, 7_000);
    const { clock, handler } = setup(gate);
    const op = vi.fn(reset);
    const done = handler.execute(op).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await done) as CircuitOpenError;
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(op).toHaveBeenCalledTimes(2);
    expect(gate.tryAcquire).toHaveBeenCalledTimes(3);
    expect(error.attempts).toHaveLength(2);
    expect(error).toMatchObject({ circuit: 'breaker', state: 'closed', retryAfterMs: 7_000 });
    expect((error.cause as Error).message).toBe('reset');
    expect(gate.releases).toEqual([
      [0, 'transient'],
      [1, 'transient'],
    ]);
  });

  it('a refusal of the first attempt runs nothing and has no cause', async () => {
    const gate = scriptedGate(() => false, 1_500, 'open');
    const { handler } = setup(gate);
    const op = vi.fn(() => 1);
    const r = await handler.executeWithRetry(op);
    expect(op).not.toHaveBeenCalled();
    expect(r).toMatchObject({ success: false, outcome: 'circuit_open', attempts: [] });
    expect(!r.success && r.error).toMatchObject({ retryAfterMs: 1_500, state: 'open' });
    expect(!r.success && 'cause' in r.error).toBe(false);
  });

  it('exactly one release per admitted token, with the outcome of the attempt (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        async (admits, fails) => {
          const gate = scriptedGate((n) => admits[n - 1] ?? true);
          const { clock, handler } = setup(gate, { maxAttempts: 8 });
          let n = 0;
          const done = handler.executeWithRetry(() => ((fails[n++] ?? false) ? reset() : Promise.resolve(n)));
          await clock.runAll();
          const r = await done;
          const tokens = gate.releases.map(([t]) => t);
          expect(tokens).toEqual([...Array(gate.acquired).keys()]);
          expect(r.attempts.map((a) => a.outcome)).toEqual(gate.releases.map(([, kind]) => kind));
          expect(clock.pendingTimers()).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('no sleeping against an open circuit', () => {
  it('after a failure that opened the breaker, the call ends at once (no wait)', async () => {
    const gate = scriptedGate(() => true, 30_000);
    const { clock, handler } = setup(gate);
    const done = handler.executeWithRetry(() => {
      gate.state = 'open'; // this failure opens it
      return reset();
    });
    const r = await done;
    expect(r).toMatchObject({ success: false, outcome: 'circuit_open', totalTimeMs: 0 });
    expect(r.attempts).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('sleeps normally when the breaker reopens before the backoff is over', async () => {
    const gate = scriptedGate(() => true, 50, 'open');
    const { clock, handler } = setup(gate, { maxAttempts: 2 });
    const starts: number[] = [];
    const done = handler.execute(() => {
      starts.push(clock.now());
      return starts.length === 1 ? reset() : Promise.resolve('ok');
    });
    await clock.runAll();
    await expect(done).resolves.toBe('ok');
    expect(starts[1]! - starts[0]!).toBe(100);
  });
});

describe('waitForOpenCircuit', () => {
  it('waits for the reopen time when it fits in the deadline; the wait is not an attempt', async () => {
    const gate = scriptedGate((n) => n !== 2, 2_000); // refuses once, then admits
    const { clock, handler } = setup(gate, { waitForOpenCircuit: true, totalTimeoutMs: 10_000 });
    const starts: number[] = [];
    const done = handler.executeWithRetry(() => {
      starts.push(clock.now());
      return starts.length === 1 ? reset() : Promise.resolve('ok');
    });
    await clock.runAll();
    const r = await done;
    expect(r.success).toBe(true);
    expect(r.attempts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBe(100 + 2_000); // backoff, then the circuit's wait
    expect(r.attempts[0]!.delayAfterMs).toBe(2_100);
  });

  it('does not wait when the reopen time lands beyond the deadline', async () => {
    const gate = scriptedGate((n) => n !== 2, 20_000);
    const { clock, handler } = setup(gate, { waitForOpenCircuit: true, totalTimeoutMs: 10_000 });
    const done = handler.executeWithRetry(reset);
    await clock.runAll();
    expect(await done).toMatchObject({ success: false, outcome: 'circuit_open', totalTimeMs: 100 });
  });

  it('without a deadline, waits at most maxAttempts times for a breaker that keeps refusing', async () => {
    const gate = scriptedGate(() => false, 1_000);
    const { clock, handler } = setup(gate, { waitForOpenCircuit: true, maxAttempts: 3 });
    const done = handler.executeWithRetry(() => 1);
    await clock.runAll();
    expect(await done).toMatchObject({ success: false, outcome: 'circuit_open', totalTimeMs: 3_000 });
    expect(gate.tryAcquire).toHaveBeenCalledTimes(4);
  });
});

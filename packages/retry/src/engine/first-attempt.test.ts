import { CircuitOpenError, sleep, type OutcomeKind } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AttemptGate } from '../admission.js';
import type { AttemptContext, ExecuteOptions } from './types.js';
import { UnifiedRetryHandler } from './unified-retry-handler.js';

// `execute(op)` without options runs its first attempt as one object (FirstAttempt), with
// or without a gate and a time limit; `execute(op, {})` runs the same call as a full
// Execution. These tests pin the fast path to the full one.

const T0 = 1_700_000_000_000;
const never = (): Promise<never> => new Promise<never>(() => undefined);
const resetError = (): Error => Object.assign(new Error('reset'), { code: 'ECONNRESET' });

/** A gate that admits per a script (1-based tryAcquire count) and records every report. */
function recordingGate(admit: (n: number) => boolean = () => true) {
  let n = 0;
  const gate = {
    name: 'breaker',
    state: 'closed',
    tokens: 0,
    releases: [] as Array<[number, OutcomeKind, number]>,
    tryAcquire: vi.fn(() => (admit(++n) ? gate.tokens++ : -1)),
    retryAfterMs: () => 50,
    release: (token: number, kind: OutcomeKind, durationMs: number) =>
      void gate.releases.push([token, kind, durationMs]),
  };
  return gate;
}

function setup(gate: AttemptGate | undefined, config: ConstructorParameters<typeof UnifiedRetryHandler>[1]) {
  const clock = new FakeClock(T0);
  const handler = new UnifiedRetryHandler(
    'svc',
    { jitter: 'none', baseDelayMs: 100, budget: false, ...config },
    gate === undefined ? { clock } : { clock, gate },
  );
  return { clock, handler };
}

describe('execute() with a gate: the first attempt without a full call', () => {
  it('a success reports once, with the token and the duration, before the call resolves', async () => {
    const gate = recordingGate();
    const { clock, handler } = setup(gate, { attemptTimeoutMs: 1_000 });
    const done = handler.execute(() => sleep(clock, 40).then(() => 'ok'));
    await clock.advance(40);
    await expect(done).resolves.toBe('ok');
    expect(gate.tryAcquire).toHaveBeenCalledTimes(1);
    expect(gate.releases).toEqual([[0, 'success', 40]]);
  });

  it('a synchronous value and a synchronous throw are handled like promises', async () => {
    const gate = recordingGate();
    const { clock, handler } = setup(gate, { maxAttempts: 2 });
    await expect(handler.execute(() => 7)).resolves.toBe(7);
    let n = 0;
    const done = handler.execute(() => {
      if (n++ === 0) throw resetError();
      return 'second';
    });
    await clock.runAll();
    await expect(done).resolves.toBe('second');
    expect(gate.releases.map(([t, k]) => [t, k])).toEqual([
      [0, 'success'],
      [1, 'transient'],
      [2, 'success'],
    ]);
  });

  it('a refused first attempt is counted once and ends with CircuitOpenError, running nothing', async () => {
    const gate = recordingGate(() => false);
    const { handler } = setup(gate, { attemptTimeoutMs: 1_000 });
    const op = vi.fn(() => 1);
    const error = await handler.execute(op).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({ attempts: [], retryAfterMs: 50 });
    expect(op).not.toHaveBeenCalled();
    expect(gate.tryAcquire).toHaveBeenCalledTimes(1);
  });

  it('a refused first attempt may wait for the gate (waitForOpenCircuit) and then run', async () => {
    const gate = recordingGate((n) => n > 1);
    const { clock, handler } = setup(gate, { waitForOpenCircuit: true, totalTimeoutMs: 1_000 });
    const done = handler.execute(() => clock.now());
    await clock.runAll();
    await expect(done).resolves.toBe(T0 + 50);
    expect(gate.tryAcquire).toHaveBeenCalledTimes(2);
  });

  it('an aggressive timeout reports the token as a timeout and retries with a new token', async () => {
    const gate = recordingGate();
    const { clock, handler } = setup(gate, { attemptTimeoutMs: 1_000, maxAttempts: 2 });
    let n = 0;
    const done = handler.execute(() => (n++ === 0 ? never() : Promise.resolve('late')));
    await clock.advance(1_100);
    await expect(done).resolves.toBe('late');
    expect(gate.releases).toEqual([
      [0, 'timeout', 1_000],
      [1, 'success', 0],
    ]);
  });

  it('a gate that throws on release ends the call with that error and leaves no timer', async () => {
    const broken = new Error('gate broke its contract');
    const gate = {
      ...recordingGate(),
      release: () => {
        throw broken;
      },
    };
    const { clock, handler } = setup(gate, { attemptTimeoutMs: 1_000 });
    await expect(handler.execute(() => Promise.resolve(1))).rejects.toBe(broken);
    expect(clock.pendingTimers()).toBe(0);
  });
});

type Step = { readonly kind: 'ok' | 'fail' | 'hang' | 'throw'; readonly ms: number };

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('ok', 'fail', 'hang', 'throw'),
  ms: fc.integer({ min: 0, max: 1_500 }),
});

/** Runs one call on a fresh handler and reports everything observable about it. */
async function observe(
  steps: readonly Step[],
  admits: readonly boolean[],
  config: ConstructorParameters<typeof UnifiedRetryHandler>[1],
  withGate: boolean,
  opts: ExecuteOptions | undefined,
) {
  const gate = recordingGate((n) => admits[n - 1] ?? true);
  const { clock, handler } = setup(withGate ? gate : undefined, config);
  let n = 0;
  const op = (ctx: AttemptContext): unknown => {
    const step = steps[n++] ?? { kind: 'ok', ms: 0 };
    if (step.kind === 'throw') throw resetError();
    // Hangs until its signal aborts (so cooperative timeouts end too), then rejects.
    if (step.kind === 'hang')
      return new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => reject(resetError())),
      );
    return sleep(clock, step.ms).then(() => (step.kind === 'ok' ? `v${n}` : Promise.reject(resetError())));
  };
  const outcome = handler.execute(op, opts).then(
    (value) => ({ value }),
    (error: unknown) => ({
      error: error instanceof Error ? [error.name, error.message] : error,
      attempts: (error as { attempts?: unknown }).attempts,
    }),
  );
  await clock.runAll();
  return {
    outcome: await outcome,
    invoked: n,
    acquired: gate.tryAcquire.mock.calls.length,
    releases: gate.releases,
    endedAt: clock.now(),
  };
}

describe('the fast first attempt behaves exactly like a full call', () => {
  it('same value or error, records, gate reports and timing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { maxLength: 5 }),
        fc.record({
          attemptTimeoutMs: fc.integer({ min: 200, max: 1_200 }),
          // Beyond the attempt timeout (the schema requires it): 0 = no deadline.
          deadlineExtraMs: fc.integer({ min: 0, max: 3_000 }),
          timeoutMode: fc.constantFrom('aggressive' as const, 'cooperative' as const),
          waitForOpenCircuit: fc.boolean(),
        }),
        fc.boolean(),
        async (steps, admits, { deadlineExtraMs, ...limits }, withGate) => {
          // Always an attempt timeout: a hanging attempt must end under cooperative mode too.
          const config = {
            maxAttempts: 3,
            ...limits,
            ...(deadlineExtraMs === 0 ? {} : { totalTimeoutMs: limits.attemptTimeoutMs + deadlineExtraMs }),
          };
          const fast = await observe(steps, admits, config, withGate, undefined);
          const full = await observe(steps, admits, config, withGate, {});
          expect(fast).toEqual(full);
        },
      ),
      { numRuns: 150 },
    );
  });
});

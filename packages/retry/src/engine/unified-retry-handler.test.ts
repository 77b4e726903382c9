import {
  API_RETRY_POLICY,
  DEFAULT_RETRY_CONFIG,
  LLM_RETRY_POLICY,
  NonRetryableError,
  RelConfigError,
  RetryExhaustedError,
  loadConfig,
  type AttemptRecord,
} from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryBudgetStore } from '../budget/budget-store.js';
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

describe('UnifiedRetryHandler: results and exact attempt counts', () => {
  it('returns the value of a first-try success without waiting', async () => {
    const { handler } = make();
    await expect(handler.execute(() => Promise.resolve(7))).resolves.toBe(7);
    await expect(handler.execute(() => 8)).resolves.toBe(8); // a sync operation
  });

  it('retries retryable failures and counts attempts exactly', async () => {
    const { handler, clock } = make({ maxAttempts: 4, baseDelayMs: 100 });
    const { op } = flaky(2, 'ok');
    const result = handler.executeWithRetry(op);
    await clock.runAll();
    const r = await result;
    expect(r.success).toBe(true);
    expect(op).toHaveBeenCalledTimes(3);
    expect(r.attempts.map((a) => a.outcome)).toEqual(['transient', 'transient', 'success']);
    expect(r.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(r.attempts[0]!.delayAfterMs).toBe(100);
    expect(r.attempts[2]!.delayAfterMs).toBeUndefined();
    expect(r.totalTimeMs).toBe(300);
  });

  it('gives up after maxAttempts with RetryExhaustedError carrying every attempt and the last cause', async () => {
    const { handler, clock } = make({ maxAttempts: 3, baseDelayMs: 10 });
    const errors: unknown[] = [];
    const op = vi.fn(() => {
      const e = reset();
      errors.push(e);
      throw e; // a synchronous throw counts like a rejection
    });
    const done = handler.execute(op).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await done) as RetryExhaustedError;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(op).toHaveBeenCalledTimes(3);
    expect(error.attempts).toHaveLength(3);
    expect(error.cause).toBe(errors[2]);
    expect(error.attempts.map((a: AttemptRecord) => a.error)).toEqual(errors);
    expect(error.service).toBe('svc');
    expect(error.message).toMatch(/all 3 attempts failed; the last was transient \(ECONNRESET\)/);
  });

  it('never retries a permanent failure', async () => {
    const { handler } = make({ maxAttempts: 5 });
    const op = vi.fn(() => Promise.reject(Object.assign(new Error('bad request'), { status: 400 })));
    const r = await handler.executeWithRetry(op);
    expect(op).toHaveBeenCalledTimes(1);
    expect(r).toMatchObject({ success: false, outcome: 'permanent' });
    expect(!r.success && r.error).toBeInstanceOf(NonRetryableError);
  });

  it('a value returned after a failure is returned, and the fast path hands over to a full call', async () => {
    const { handler, clock } = make({ maxAttempts: 2, baseDelayMs: 50 });
    const { op } = flaky(1, { id: 1 });
    const done = handler.execute(op);
    await clock.runAll();
    await expect(done).resolves.toEqual({ id: 1 });
  });
});

describe('UnifiedRetryHandler: configuration', () => {
  it('uses a complete frozen policy as it is and never mutates it', () => {
    const before = JSON.stringify(LLM_RETRY_POLICY);
    const handler = new UnifiedRetryHandler('llm', LLM_RETRY_POLICY, { budget: new InMemoryBudgetStore() });
    expect(handler.config).toBe(LLM_RETRY_POLICY);
    expect(JSON.stringify(LLM_RETRY_POLICY)).toBe(before);
  });

  it('layers a partial config over the defaults, frozen, without touching the input', () => {
    const input = { maxAttempts: 5, budget: { ratio: 0.1 } };
    const handler = new UnifiedRetryHandler('x', input, { budget: new InMemoryBudgetStore() });
    expect(handler.config).toMatchObject({ maxAttempts: 5, baseDelayMs: DEFAULT_RETRY_CONFIG.baseDelayMs });
    expect(handler.config.budget).toMatchObject({ ratio: 0.1, minRetriesPerSecond: 10 });
    expect(Object.isFrozen(handler.config)).toBe(true);
    expect(input).toEqual({ maxAttempts: 5, budget: { ratio: 0.1 } });
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('env overrides never mutate a shared policy object', async () => {
    const before = JSON.stringify(LLM_RETRY_POLICY);
    const loaded = await loadConfig({
      config: { services: { llm: { profile: 'llm' } } },
      env: { REL__LLM__RETRY__MAX_ATTEMPTS: '9', REL__LLM__RETRY__BASE_DELAY_MS: '50' },
    });
    const fromEnv = new UnifiedRetryHandler('llm', loaded.service('llm').retry, {
      budget: new InMemoryBudgetStore(),
    });
    const shared = new UnifiedRetryHandler('llm', LLM_RETRY_POLICY, { budget: new InMemoryBudgetStore() });
    expect(fromEnv.config.maxAttempts).toBe(9);
    expect(fromEnv.config.baseDelayMs).toBe(50);
    expect(shared.config.maxAttempts).toBe(4);
    expect(JSON.stringify(LLM_RETRY_POLICY)).toBe(before);
    expect(Object.isFrozen(LLM_RETRY_POLICY)).toBe(true);
  });

  it('rejects bad config and options with one RelConfigError naming every field', () => {
    expect(() => new UnifiedRetryHandler('x', { maxAttempts: 0, jitter: 'fulll' as never })).toThrow(
      RelConfigError,
    );
    expect(() => new UnifiedRetryHandler('x', { maxAtempts: 3 } as never)).toThrow(
      /did you mean "maxAttempts"/,
    );
    const error = (() => {
      try {
        new UnifiedRetryHandler('', {}, { clock: {} as never, random: 5 as never, gates: 1 } as never);
      } catch (e) {
        return e as RelConfigError;
      }
      throw new Error('expected a RelConfigError');
    })();
    expect(error.issues.map((i) => i.path)).toEqual([
      'serviceName',
      'options.gates',
      'options.clock',
      'options.random',
    ]);
  });

  it('rejects bad per-call options: execute() rejects, executeWithRetry() resolves a failure', async () => {
    const { handler } = make();
    await expect(handler.execute(() => 1, { totalTimeoutMs: -5 })).rejects.toThrow(
      /totalTimeoutMs: received -5/,
    );
    await expect(handler.execute(() => 1, { signal: 'x' as never })).rejects.toThrow(RelConfigError);
    await expect(handler.execute(() => 1, { tiemout: 5 } as never)).rejects.toThrow(/tiemout: unknown key/);
    await expect(handler.execute('nope' as never)).rejects.toThrow(/operation: received "nope"/);
    const r = await handler.executeWithRetry(() => 1, { attemptTimeoutMs: 0 });
    expect(r).toMatchObject({ success: false, outcome: 'permanent', attempts: [] });
    expect(!r.success && r.error.cause).toBeInstanceOf(RelConfigError);
  });

  it('a custom backoff that returns garbage fails the call with that error instead of hanging', async () => {
    const { handler } = make({ backoff: { kind: 'custom', delay: () => Number.NaN } });
    await expect(handler.execute(() => Promise.reject(reset()))).rejects.toThrow(/backoff\.delay/);
    const r = await handler.executeWithRetry(() => Promise.reject(reset()));
    expect(r).toMatchObject({ success: false, outcome: 'permanent' });
    expect(!r.success && r.error.cause).toBeInstanceOf(RelConfigError);
  });
});

describe('UnifiedRetryHandler: HTTP results', () => {
  it('the http rule set retries a Response with a retryable status and returns the good one', async () => {
    const clock = new FakeClock();
    const handler = new UnifiedRetryHandler('api', API_RETRY_POLICY, {
      clock,
      budget: new InMemoryBudgetStore(),
    });
    let n = 0;
    const op = () => Promise.resolve(new Response(null, { status: n++ === 0 ? 503 : 200 }));
    const done = handler.executeWithRetry(op);
    await clock.runAll();
    const r = await done;
    expect(r.success && r.value.status).toBe(200);
    expect(r.attempts.map((a) => a.outcome)).toEqual(['overloaded', 'success']);
  });

  it('a permanent status in a result is returned as the value (the caller decides)', async () => {
    const handler = new UnifiedRetryHandler('api', API_RETRY_POLICY, { budget: new InMemoryBudgetStore() });
    const response = await handler.execute(() => Promise.resolve(new Response(null, { status: 404 })));
    expect(response.status).toBe(404);
  });
});
